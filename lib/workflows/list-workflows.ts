import 'server-only';
// The workspace's workflows, most recently changed first, with a name search and cursor paging.
import { z } from 'zod';
import { isoDateTime, pageLimit } from '@/lib/api/schemas';
import type { Db } from '@/db/client';
import { requireScope, type Scope } from '@/lib/auth/scope';
import { toWorkflowDto, type WorkflowDto } from './workflow-dto';

export const listWorkflowsQuerySchema = z.object({
  q: z.string().trim().max(120).optional(),
  enabled: z.enum(['true', 'false']).optional(),
  limit: pageLimit(100, 50),
  cursor: isoDateTime.optional(),
});
export type ListWorkflowsQuery = z.input<typeof listWorkflowsQuerySchema>;

export async function listWorkflows(
  db: Db,
  scope: Scope,
  query: ListWorkflowsQuery = {},
): Promise<{ workflows: WorkflowDto[]; nextCursor: string | null }> {
  requireScope(scope, 'read');
  const { q, enabled, limit, cursor } = listWorkflowsQuerySchema.parse(query);
  let select = db.selectFrom('workflows').selectAll().where('workspace_id', '=', scope.workspaceId);
  if (q) select = select.where('name', 'ilike', `%${q.replace(/[%_\\]/g, (c) => `\\${c}`)}%`);
  if (enabled) select = select.where('enabled', '=', enabled === 'true');
  if (cursor) select = select.where('updated_at', '<', new Date(cursor));
  const rows = await select
    .orderBy('updated_at', 'desc')
    .limit(limit + 1)
    .execute();
  const page = rows.slice(0, limit);
  return {
    workflows: page.map(toWorkflowDto),
    nextCursor: rows.length > limit ? page.at(-1)!.updated_at.toISOString() : null,
  };
}
