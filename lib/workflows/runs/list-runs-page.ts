import 'server-only';
// Pages of runs and of the failure queue as the public API and the MCP server answer them: filters, an opaque
// cursor on the exact creation time and id, `{ data, nextCursor }`.
import type { z } from 'zod';
import type { Db } from '@/db/client';
import { decodePreciseTimeIdCursor, preciseTimeIdPage } from '@/lib/api/v1/cursor';
import type { Scope } from '@/lib/auth/scope';
import { findRuns } from './find-runs';
import { listFailureQueue } from './list-failure-queue';
import type { listFailureQueueQuerySchema, listRunsV1QuerySchema } from './schemas';

type TimeFilters = { from?: string; to?: string; cursor?: string; limit: number };

const rangeOf = (query: TimeFilters) => ({
  from: query.from ? new Date(query.from) : undefined,
  to: query.to ? new Date(query.to) : undefined,
  after: decodePreciseTimeIdCursor(query.cursor),
  limit: query.limit + 1,
});

export async function listRunsPage(db: Db, scope: Scope, query: z.infer<typeof listRunsV1QuerySchema>) {
  const rows = await findRuns(db, scope, { statuses: query.status, workflowId: query.workflowId, ...rangeOf(query) });
  return preciseTimeIdPage(rows, query.limit);
}

export async function listFailureQueuePage(db: Db, scope: Scope, query: z.infer<typeof listFailureQueueQuerySchema>) {
  const rows = await listFailureQueue(db, scope, { workflowId: query.workflowId, ...rangeOf(query) });
  return preciseTimeIdPage(rows, query.limit);
}
