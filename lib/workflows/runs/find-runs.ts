import 'server-only';
// Runs of the workspace, newest first (ties by id), by status, workflow, time range and failure queue, after a keyset.
import { sql } from 'kysely';
import type { Db } from '@/db/client';
import { preciseTime } from '@/lib/api/v1/cursor';
import type { RunStatus } from '@/db/types-workflows';
import { requireScope, type Scope } from '@/lib/auth/scope';
import { type RunDto, toRunDto } from './run-dto';

export type RunFilters = {
  statuses?: readonly RunStatus[];
  workflowId?: string;
  /** Created at or after. */
  from?: Date;
  /** Created before. */
  to?: Date;
  /** Only failed runs in the failure queue. */
  deadLettered?: boolean;
  /** The keyset of the last run of the previous page: `at` alone (the app's cursor) or `at` and `id` (exact). */
  after?: { at: string | Date; id?: string };
  limit: number;
};

/** A run and its exact (microsecond) creation time, for a keyset cursor that never skips or repeats a run. */
export type FoundRun = RunDto & { keysetAt: string };

export async function findRuns(db: Db, scope: Scope, filters: RunFilters): Promise<FoundRun[]> {
  requireScope(scope, 'read');
  let select = db
    .selectFrom('workflow_runs')
    .innerJoin('workflows', 'workflows.id', 'workflow_runs.workflow_id')
    .selectAll('workflow_runs')
    .select('workflows.name as workflow_name')
    .select(preciseTime('workflow_runs.created_at').as('keyset_at'))
    .where('workflow_runs.workspace_id', '=', scope.workspaceId);
  if (filters.statuses?.length) select = select.where('workflow_runs.status', 'in', [...filters.statuses]);
  if (filters.workflowId) select = select.where('workflow_runs.workflow_id', '=', filters.workflowId);
  if (filters.from) select = select.where('workflow_runs.created_at', '>=', filters.from);
  if (filters.to) select = select.where('workflow_runs.created_at', '<', filters.to);
  if (filters.deadLettered)
    select = select
      .where('workflow_runs.dead_lettered_at', 'is not', null)
      .where('workflow_runs.status', '=', 'failed');
  const after = filters.after;
  if (after) {
    const at = sql`cast(${typeof after.at === 'string' ? after.at : after.at.toISOString()} as timestamptz)`;
    select = after.id
      ? select.where(sql<boolean>`(workflow_runs.created_at, workflow_runs.id) < (${at}, ${after.id})`)
      : select.where(sql<boolean>`workflow_runs.created_at < ${at}`);
  }
  const rows = await select
    .orderBy('workflow_runs.created_at', 'desc')
    .orderBy('workflow_runs.id', 'desc')
    .limit(filters.limit)
    .execute();
  return rows.map((row) => ({ ...toRunDto(row), keysetAt: row.keyset_at }));
}
