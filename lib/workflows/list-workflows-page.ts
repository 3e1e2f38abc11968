import 'server-only';
// A page of workflows as the public API and the MCP server answer it: `{ data, nextCursor }` with an opaque cursor.
import type { z } from 'zod';
import type { Db } from '@/db/client';
import { decodePreciseTimeIdCursor, encodeCursor } from '@/lib/api/v1/cursor';
import type { Scope } from '@/lib/auth/scope';
import { listWorkflows } from './list-workflows';
import type { listWorkflowsV1QuerySchema } from './schemas';

export async function listWorkflowsPage(db: Db, scope: Scope, query: z.infer<typeof listWorkflowsV1QuerySchema>) {
  const { cursor, ...filters } = query;
  const page = await listWorkflows(db, scope, filters, { after: decodePreciseTimeIdCursor(cursor) });
  return {
    data: page.workflows,
    nextCursor: page.nextKeyset ? encodeCursor([page.nextKeyset.at, page.nextKeyset.id]) : null,
  };
}
