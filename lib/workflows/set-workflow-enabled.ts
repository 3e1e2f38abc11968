import 'server-only';
// Enables or disables a workflow: a disabled one is not started by its schedule, webhook or events. Switching on
// is refused (409 with the issues) while its setup checklist has open items: a missing connection or placeholder.
import type { Db } from '@/db/client';
import { recordAudit } from '@/lib/audit/record-audit';
import { requireRole, type Scope } from '@/lib/auth/scope';
import { AppError } from '@/lib/errors';
import { getSetupChecklist } from './get-setup-checklist';
import { nextScheduledRun } from './trigger-columns';
import { toWorkflowDto, type WorkflowDto } from './workflow-dto';

export async function setWorkflowEnabled(
  db: Db,
  scope: Scope,
  workflowId: string,
  enabled: boolean,
  now: Date = new Date(),
): Promise<WorkflowDto> {
  requireRole(scope, 'member');
  const current = await db
    .selectFrom('workflows')
    .select(['schedule_cron', 'schedule_timezone'])
    .where('id', '=', workflowId)
    .where('workspace_id', '=', scope.workspaceId)
    .executeTakeFirst();
  if (!current) throw new AppError('not_found', 'Workflow not found');
  if (enabled) {
    const { blocking } = await getSetupChecklist(db, scope, workflowId);
    if (blocking.length > 0)
      throw new AppError('conflict', 'Finish the setup checklist before switching this workflow on', {
        issues: blocking,
      });
  }
  // NOTE: re-enabling a schedule starts from the next occurrence, not the ones missed while it was off.
  const nextRunAt =
    enabled && current.schedule_cron
      ? nextScheduledRun(current.schedule_cron, current.schedule_timezone ?? 'UTC', now)
      : undefined;
  const row = await db
    .updateTable('workflows')
    .set({ enabled, updated_at: now, ...(nextRunAt ? { next_run_at: nextRunAt } : {}) })
    .where('id', '=', workflowId)
    .where('workspace_id', '=', scope.workspaceId)
    .returningAll()
    .executeTakeFirstOrThrow();
  await recordAudit(db, {
    workspaceId: scope.workspaceId,
    actorUserId: scope.userId,
    action: enabled ? 'workflow.enabled' : 'workflow.disabled',
    targetType: 'workflow',
    targetId: workflowId,
  });
  return toWorkflowDto(row);
}
