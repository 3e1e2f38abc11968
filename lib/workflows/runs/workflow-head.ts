import 'server-only';
// What starting a run needs to know about its workflow, its workspace and the workspace's run allowance, read in one
// round trip (a webhook delivery reads nothing else before it stores its run).
import { sql, type SqlBool } from 'kysely';
import type { Db } from '@/db/client';
import { balanceQuery, freeGrantedQuery, type LimitRow, usageQuery } from '@/lib/billing/assert-within-limit';

/** The workflow row joined to its workspace and billing account; callers add their own filter (an id, a webhook token). */
export function selectWorkflowHead(db: Db, now: Date) {
  const workspaceId = sql.ref('workflows.workspace_id');
  return db
    .selectFrom('workflows')
    .innerJoin('workspaces', 'workspaces.id', 'workflows.workspace_id')
    .leftJoin('billing_accounts as account', 'account.workspace_id', 'workflows.workspace_id')
    .select((eb) => [
      'workflows.id',
      'workflows.workspace_id',
      'workflows.enabled',
      'workflows.current_version',
      'workspaces.status as workspace_status',
      'workspaces.approval_policy',
      // NOTE: whether a successful run starts other workflows (their runs are created in the same transaction).
      eb
        .exists(
          eb
            .selectFrom('workflows as listener')
            .select('listener.id')
            .whereRef('listener.workspace_id', '=', 'workflows.workspace_id')
            .where('listener.event_name', '=', 'workflow.succeeded')
            .whereRef('listener.event_source_workflow_id', '=', 'workflows.id')
            .where('listener.enabled', '=', true),
        )
        .as('has_success_listeners'),
      // The run allowance, as `decideLimit` reads it.
      'account.plan',
      'account.status',
      'account.grace_until',
      'account.limit_overrides',
      sql<number>`(${usageQuery('runs_per_month', workspaceId, now)})`.as('used'),
      sql<number | null>`(${balanceQuery(workspaceId)})`.as('balance'),
      freeGrantedQuery(workspaceId, now).as('free_granted'),
    ]);
}

export type WorkflowHead = LimitRow & {
  id: string;
  enabled: boolean;
  current_version: number;
  workspace_status: string;
  approval_policy: string;
  has_success_listeners: SqlBool;
};
