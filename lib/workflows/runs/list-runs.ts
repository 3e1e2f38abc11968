import 'server-only';
// Runs of the workspace, newest first, filtered by status, workflow and date; `deadLettered` lists the failure queue.
import { z } from 'zod';
import { isoDateTime, pageLimit } from '@/lib/api/schemas';
import type { Db } from '@/db/client';
import { requireScope, type Scope } from '@/lib/auth/scope';
import { type RunDto, toRunDto } from './run-dto';

/** Every state a run can be in; `rejected` and `cancelled` are outcomes of their own, never failures. */
export const runStatuses = ['queued', 'running', 'succeeded', 'failed', 'rejected', 'cancelled'] as const;

export const listRunsQuerySchema = z.object({
  status: z.enum(runStatuses).optional(),
  workflowId: z.uuid().optional(),
  from: isoDateTime.optional(),
  to: isoDateTime.optional(),
  deadLettered: z.enum(['true', 'false']).optional(),
  limit: pageLimit(200, 50),
  cursor: isoDateTime.optional(),
});
export type ListRunsQuery = z.input<typeof listRunsQuerySchema>;

export async function listRuns(
  db: Db,
  scope: Scope,
  query: ListRunsQuery = {},
): Promise<{ runs: RunDto[]; nextCursor: string | null }> {
  requireScope(scope, 'read');
  const q = listRunsQuerySchema.parse(query);
  let select = db
    .selectFrom('workflow_runs')
    .innerJoin('workflows', 'workflows.id', 'workflow_runs.workflow_id')
    .selectAll('workflow_runs')
    .select('workflows.name as workflow_name')
    .where('workflow_runs.workspace_id', '=', scope.workspaceId);
  if (q.status) select = select.where('workflow_runs.status', '=', q.status);
  if (q.workflowId) select = select.where('workflow_runs.workflow_id', '=', q.workflowId);
  if (q.from) select = select.where('workflow_runs.created_at', '>=', new Date(q.from));
  if (q.to) select = select.where('workflow_runs.created_at', '<', new Date(q.to));
  if (q.deadLettered === 'true')
    select = select
      .where('workflow_runs.dead_lettered_at', 'is not', null)
      .where('workflow_runs.status', '=', 'failed');
  if (q.cursor) select = select.where('workflow_runs.created_at', '<', new Date(q.cursor));
  const rows = await select
    .orderBy('workflow_runs.created_at', 'desc')
    .limit(q.limit + 1)
    .execute();
  const page = rows.slice(0, q.limit);
  return { runs: page.map(toRunDto), nextCursor: rows.length > q.limit ? page.at(-1)!.created_at.toISOString() : null };
}
