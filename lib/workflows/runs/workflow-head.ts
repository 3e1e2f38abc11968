import 'server-only';
// What starting a run needs to know about its workflow and workspace, read in one round trip.
import type { SqlBool } from 'kysely';
import type { Db } from '@/db/client';

/** The workflow row joined to its workspace; callers add their own filter (an id, a webhook token). */
export function selectWorkflowHead(db: Db) {
  return db
    .selectFrom('workflows')
    .innerJoin('workspaces', 'workspaces.id', 'workflows.workspace_id')
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
    ]);
}

export type WorkflowHead = { id: string; enabled: boolean; current_version: number; workspace_status: string; approval_policy: string; has_success_listeners: SqlBool };
