import 'server-only';
// The workspace's workflows, most recently changed first (ties by id), with a name search, filters and cursor paging.
import { sql } from 'kysely';
import { z } from 'zod';
import { isoDateTime, pageLimit } from '@/lib/api/schemas';
import { preciseTime } from '@/lib/api/v1/cursor';
import type { Db } from '@/db/client';
import { requireScope, type Scope } from '@/lib/auth/scope';
import { workflowTriggerTypes } from './schemas';
import { toWorkflowDto, type WorkflowDto } from './workflow-dto';

export const listWorkflowsQuerySchema = z.object({
  q: z.string().trim().max(120).optional(),
  enabled: z.enum(['true', 'false']).optional(),
  triggerType: z.enum(workflowTriggerTypes).optional(),
  limit: pageLimit(100, 50),
  /** The app's cursor: the `updated_at` of the last item shown. */
  cursor: isoDateTime.optional(),
});
export type ListWorkflowsQuery = z.input<typeof listWorkflowsQuerySchema>;

export type ListWorkflowsResult = {
  workflows: WorkflowDto[];
  nextCursor: string | null;
  /** Where the page ended, to the microsecond (the /api/v1 cursor); null on the last page. */
  nextKeyset: { at: string; id: string } | null;
};

export async function listWorkflows(
  db: Db,
  scope: Scope,
  query: ListWorkflowsQuery = {},
  options: { after?: { at: string; id: string } } = {},
): Promise<ListWorkflowsResult> {
  requireScope(scope, 'read');
  const { q, enabled, triggerType, limit, cursor } = listWorkflowsQuerySchema.parse(query);
  let select = db
    .selectFrom('workflows')
    .selectAll()
    .select(preciseTime('updated_at').as('updated_at_key'))
    .where('workspace_id', '=', scope.workspaceId);
  if (q) select = select.where('name', 'ilike', `%${q.replace(/[%_\\]/g, (c) => `\\${c}`)}%`);
  if (enabled) select = select.where('enabled', '=', enabled === 'true');
  if (triggerType) select = select.where('trigger_type', '=', triggerType);
  if (cursor) select = select.where('updated_at', '<', new Date(cursor));
  const { after } = options;
  if (after) select = select.where(sql<boolean>`(updated_at, id) < (${after.at}::timestamptz, ${after.id}::uuid)`);
  const rows = await select
    .orderBy('updated_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit + 1)
    .execute();
  const page = rows.slice(0, limit);
  const last = rows.length > limit ? page.at(-1)! : null;
  return {
    workflows: page.map(({ updated_at_key: _key, ...row }) => toWorkflowDto(row)),
    nextCursor: last ? last.updated_at.toISOString() : null,
    nextKeyset: last ? { at: last.updated_at_key, id: last.id } : null,
  };
}
