import 'server-only';
// Cancels a run that has not finished; a step already executing finishes, nothing after it runs.
import type { Db } from '@/db/client';
import { recordAudit } from '@/lib/audit/record-audit';
import { requireRole, type Scope } from '@/lib/auth/scope';
import { AppError } from '@/lib/errors';
import { dispatchCancelled } from '../engine/dispatch';
import { getRunRow } from './get-run';

export async function cancelRun(db: Db, scope: Scope, runId: string, now: Date = new Date()) {
  requireRole(scope, 'member');
  await getRunRow(db, scope, runId);
  const cancelled = await db
    .updateTable('workflow_runs')
    .set({
      status: 'cancelled',
      waiting: null,
      finished_at: now,
      updated_at: now,
      cancelled_by: scope.userId,
      error: JSON.stringify({
        code: 'cancelled',
        message: scope.via === 'apiKey' ? 'Cancelled through the API' : 'Cancelled by a person',
        retryable: false,
        by: scope.via === 'apiKey' ? 'api' : 'person',
      }),
    })
    .where('id', '=', runId)
    .where('workspace_id', '=', scope.workspaceId)
    .where('status', 'in', ['queued', 'running'])
    .returning('id')
    .executeTakeFirst();
  if (!cancelled) throw new AppError('conflict', 'This run has already finished');
  await db
    .updateTable('workflow_approvals')
    .set({ status: 'rejected', decided_at: now, decided_via: 'cancel' })
    .where('run_id', '=', runId)
    .where('status', '=', 'pending')
    .execute();
  await recordAudit(db, {
    workspaceId: scope.workspaceId,
    actorUserId: scope.userId,
    action: 'run.cancelled',
    targetType: 'run',
    targetId: runId,
  });
  await dispatchCancelled(runId);
  return { id: runId, status: 'cancelled' as const };
}
