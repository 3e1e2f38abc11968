import 'server-only';
// Replays a failed run: from the failed step (same run; recorded successes are kept, never re-executed) or from the start (a new run).
import type { z } from 'zod';
import type { Db } from '@/db/client';
import { recordAudit } from '@/lib/audit/record-audit';
import { requireRole, type Scope } from '@/lib/auth/scope';
import { AppError } from '@/lib/errors';
import { dispatchRuns } from '../engine/dispatch';
import { createRun } from './create-run';
import { getRunRow } from './get-run';
import { replayRunSchema } from './schemas';

export { replayRunSchema };

export async function replayRun(
  db: Db,
  scope: Scope,
  runId: string,
  input: z.input<typeof replayRunSchema> = {},
  now: Date = new Date(),
) {
  requireRole(scope, 'member');
  const { from } = replayRunSchema.parse(input);
  const run = await getRunRow(db, scope, runId);
  if (run.status !== 'failed' && run.status !== 'rejected' && run.status !== 'cancelled')
    throw new AppError('conflict', 'Only a failed, rejected or cancelled run can be replayed');
  await recordAudit(db, {
    workspaceId: scope.workspaceId,
    actorUserId: scope.userId,
    action: 'run.replayed',
    targetType: 'run',
    targetId: runId,
    meta: { from },
  });
  if (from === 'start') {
    const replay = await createRun(db, {
      workspaceId: scope.workspaceId,
      workflowId: run.workflow_id,
      trigger: 'replay',
      payload: run.payload,
      version: run.version,
      replayOf: run.id,
      createdBy: scope.userId,
    });
    return { id: replay.id, replayOf: run.id, from };
  }
  // NOTE: failed attempts stay in the timeline; the retry budget (the run's attempt count) starts again.
  const updated = await db.transaction().execute(async (trx) => {
    const reset = await trx
      .updateTable('workflow_runs')
      .set({
        status: 'queued',
        waiting: null,
        error: null,
        dead_lettered_at: null,
        finished_at: null,
        lease_until: null,
        wake_at: now,
        updated_at: now,
        attempt: 0,
      })
      .where('id', '=', runId)
      .where('status', 'in', ['failed', 'rejected', 'cancelled'])
      .returning('id')
      .executeTakeFirst();
    if (!reset) return null;
    await trx
      .deleteFrom('workflow_approvals')
      .where('run_id', '=', runId)
      .where('status', 'in', ['rejected', 'expired'])
      .execute();
    return reset;
  });
  if (!updated) throw new AppError('conflict', 'This run changed while replaying; reload and try again');
  await dispatchRuns([{ id: runId, workspaceId: scope.workspaceId }]);
  return { id: runId, replayOf: null, from };
}
