import 'server-only';
// Deletes a workflow with its versions, runs and snapshots; refused while runs are in progress.
import type { Db } from '@/db/client';
import { recordAudit } from '@/lib/audit/record-audit';
import { requireRole, type Scope } from '@/lib/auth/scope';
import { AppError } from '@/lib/errors';

export async function deleteWorkflow(db: Db, scope: Scope, workflowId: string): Promise<void> {
  requireRole(scope, 'admin', 'admin', 'deleting a workflow');
  const active = await db
    .selectFrom('workflow_runs')
    .select('id')
    .where('workflow_id', '=', workflowId)
    .where('workspace_id', '=', scope.workspaceId)
    .where('status', 'in', ['queued', 'running'])
    .limit(1)
    .executeTakeFirst();
  if (active) throw new AppError('conflict', 'This workflow has runs in progress; cancel them first');
  const deleted = await db
    .deleteFrom('workflows')
    .where('id', '=', workflowId)
    .where('workspace_id', '=', scope.workspaceId)
    .returning('name')
    .executeTakeFirst();
  if (!deleted) throw new AppError('not_found', 'Workflow not found');
  await recordAudit(db, {
    workspaceId: scope.workspaceId,
    actorUserId: scope.userId,
    action: 'workflow.deleted',
    targetType: 'workflow',
    targetId: workflowId,
    meta: { name: deleted.name },
  });
}
