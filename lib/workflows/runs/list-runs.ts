import 'server-only';
// Runs of the workspace, newest first, filtered by status, workflow and date; `deadLettered` lists the failure queue.
import { z } from 'zod';
import { isoDateTime, pageLimit } from '@/lib/api/schemas';
import type { Db } from '@/db/client';
import type { Scope } from '@/lib/auth/scope';
import { findRuns } from './find-runs';
import type { RunDto } from './run-dto';
import { runStatuses } from './schemas';

export { runStatuses };

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
  const q = listRunsQuerySchema.parse(query);
  const rows = await findRuns(db, scope, {
    statuses: q.status ? [q.status] : undefined,
    workflowId: q.workflowId,
    from: q.from ? new Date(q.from) : undefined,
    to: q.to ? new Date(q.to) : undefined,
    deadLettered: q.deadLettered === 'true',
    after: q.cursor ? { at: q.cursor } : undefined,
    limit: q.limit + 1,
  });
  const page = rows.slice(0, q.limit).map(({ keysetAt: _keysetAt, ...run }) => run);
  return { runs: page, nextCursor: rows.length > q.limit ? page.at(-1)!.createdAt.toISOString() : null };
}
