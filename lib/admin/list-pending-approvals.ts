import 'server-only';
// The approval queue across workspaces (read-only): pending human approvals, oldest first. Deciding belongs to the
// workflow engine and the workspace's own members.
import type { Db } from '@/db/client';

export type PendingApproval = {
  id: string;
  workspaceId: string;
  workspaceName: string;
  workflowName: string;
  stepId: string;
  actionClass: 'B' | 'C';
  createdAt: Date;
  expiresAt: Date;
};

export async function listPendingApprovals(db: Db, limit = 100): Promise<PendingApproval[]> {
  const rows = await db
    .selectFrom('workflow_approvals')
    .innerJoin('workspaces', 'workspaces.id', 'workflow_approvals.workspace_id')
    .innerJoin('workflows', 'workflows.id', 'workflow_approvals.workflow_id')
    .select([
      'workflow_approvals.id',
      'workflow_approvals.workspace_id',
      'workspaces.name as workspace_name',
      'workflows.name as workflow_name',
      'workflow_approvals.step_id',
      'workflow_approvals.action_class',
      'workflow_approvals.created_at',
      'workflow_approvals.expires_at',
    ])
    .where('workflow_approvals.status', '=', 'pending')
    .orderBy('workflow_approvals.created_at')
    .limit(limit)
    .execute();
  return rows.map((row) => ({
    id: row.id,
    workspaceId: row.workspace_id,
    workspaceName: row.workspace_name,
    workflowName: row.workflow_name,
    stepId: row.step_id,
    actionClass: row.action_class,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
  }));
}
