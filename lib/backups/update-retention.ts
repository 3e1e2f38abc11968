import 'server-only';
// Sets a workflow's retention policy (members and up); `dryRun` only shows what the policy would keep and remove.
import { z } from 'zod';
import type { Db } from '@/db/client';
import { recordAudit } from '@/lib/audit/record-audit';
import { requireRole, type Scope } from '@/lib/auth/scope';
import { loadWorkflowRetention } from './load-workflow-retention';
import { planPrune, type PrunePlan } from './prune-snapshots';
import { type RetentionPolicy, retentionPolicySchema } from './retention';

export const updateRetentionSchema = z.object({ policy: retentionPolicySchema, dryRun: z.boolean().default(false) });
export type UpdateRetentionInput = z.input<typeof updateRetentionSchema>;
export type RetentionUpdate = { saved: boolean; policy: RetentionPolicy; plan: PrunePlan };

export async function updateRetention(
  db: Db,
  scope: Scope,
  workflowId: string,
  input: UpdateRetentionInput,
): Promise<RetentionUpdate> {
  requireRole(scope, 'member');
  const { policy, dryRun } = updateRetentionSchema.parse(input);
  const workflow = await loadWorkflowRetention(db, scope.workspaceId, workflowId);
  if (!dryRun) {
    await db
      .updateTable('workflows')
      .set({ retention: JSON.stringify(policy) })
      .where('id', '=', workflow.workflowId)
      .where('workspace_id', '=', scope.workspaceId)
      .execute();
    await recordAudit(db, {
      workspaceId: scope.workspaceId,
      actorUserId: scope.userId,
      action: 'backup.retention_changed',
      targetType: 'workflow',
      targetId: workflow.workflowId,
      meta: { before: workflow.policy, after: policy },
    });
  }
  return { saved: !dryRun, policy, plan: await planPrune(db, scope, workflow.workflowId, policy) };
}
