import 'server-only';
// The first-run checklist, computed from the workspace's data: a workflow exists, a tool is connected (or none is
// needed), something has run, and a run has finished so its result can be seen.
import { sql } from 'kysely';
import type { Db } from '@/db/client';
import { requireScope, type Scope } from '@/lib/auth/scope';

export type ConnectState = 'done' | 'notNeeded' | 'todo';

export type FirstRunProgress = {
  created: boolean;
  connect: ConnectState;
  ran: boolean;
  sawResult: boolean;
  /** The newest finished run (else the newest run), for "See the result". */
  latestRunId: string | null;
  complete: boolean;
  dismissed: boolean;
};

export async function getFirstRunProgress(db: Db, scope: Scope): Promise<FirstRunProgress> {
  requireScope(scope, 'read');
  const ws = scope.workspaceId;
  const row = await db
    .selectFrom('workspaces')
    .select([
      'workspaces.first_run_dismissed_at',
      sql<boolean>`exists (select 1 from workflows where workspace_id = ${ws})`.as('created'),
      sql<boolean>`exists (select 1 from connector_credentials where workspace_id = ${ws})`.as('connected'),
      // NOTE: a step that needs a tool names a connector credential in its config (`"credential": "<name>"`).
      sql<boolean>`exists (
        select 1 from workflows
        join workflow_versions on workflow_versions.workflow_id = workflows.id
          and workflow_versions.version = workflows.current_version
        where workflows.workspace_id = ${ws}
          and jsonb_path_exists(workflow_versions.definition, '$.steps[*].config.credential')
      )`.as('needs_credentials'),
      sql<string | null>`(select id from workflow_runs where workspace_id = ${ws}
        order by (finished_at is not null) desc, created_at desc, id desc limit 1)`.as('latest_run_id'),
      sql<boolean>`exists (select 1 from workflow_runs where workspace_id = ${ws})`.as('ran'),
      sql<boolean>`exists (select 1 from workflow_runs where workspace_id = ${ws} and finished_at is not null)`.as(
        'finished',
      ),
    ])
    .where('workspaces.id', '=', ws)
    .executeTakeFirstOrThrow();
  const connect: ConnectState = row.connected ? 'done' : row.created && !row.needs_credentials ? 'notNeeded' : 'todo';
  const complete = row.created && connect !== 'todo' && row.ran && row.finished;
  return {
    created: row.created,
    connect,
    ran: row.ran,
    sawResult: row.finished,
    latestRunId: row.latest_run_id,
    complete,
    dismissed: row.first_run_dismissed_at !== null,
  };
}
