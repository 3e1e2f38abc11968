import 'server-only';
// What deleting a workflow also deletes (versions, run history, backup snapshots) and the runs that block it, per workflow.
import { sql } from 'kysely';
import type { Db } from '@/db/client';
import { requireScope, type Scope } from '@/lib/auth/scope';

export type WorkflowContents = { versions: number; runs: number; runsInProgress: number; snapshots: number };

export async function countWorkflowContents(
  db: Db,
  scope: Scope,
  workflowIds: string[],
): Promise<Map<string, WorkflowContents>> {
  requireScope(scope, 'read');
  if (workflowIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('workflows as w')
    .select((eb) => [
      'w.id',
      eb
        .selectFrom('workflow_versions as v')
        .select(sql<number>`count(*)::int`.as('n'))
        .whereRef('v.workflow_id', '=', 'w.id')
        .as('versions'),
      eb
        .selectFrom('workflow_runs as r')
        .select(sql<number>`count(*)::int`.as('n'))
        .whereRef('r.workflow_id', '=', 'w.id')
        .as('runs'),
      eb
        .selectFrom('workflow_runs as r')
        .select(sql<number>`count(*)::int`.as('n'))
        .whereRef('r.workflow_id', '=', 'w.id')
        .where('r.status', 'in', ['queued', 'running'])
        .as('runs_in_progress'),
      eb
        .selectFrom('backup_snapshots as s')
        .select(sql<number>`count(*)::int`.as('n'))
        .whereRef('s.workflow_id', '=', 'w.id')
        .as('snapshots'),
    ])
    .where('w.workspace_id', '=', scope.workspaceId)
    .where('w.id', 'in', workflowIds)
    .execute();
  return new Map(
    rows.map((row) => [
      row.id,
      {
        versions: Number(row.versions),
        runs: Number(row.runs),
        runsInProgress: Number(row.runs_in_progress),
        snapshots: Number(row.snapshots),
      },
    ]),
  );
}
