import 'server-only';
// A page of approvals as the public API and the MCP server answer it (creation times are kept to the millisecond).
import type { z } from 'zod';
import type { Db } from '@/db/client';
import { decodeTimeIdCursor, encodeTimeIdCursor, toPage } from '@/lib/api/v1/cursor';
import type { Scope } from '@/lib/auth/scope';
import { listApprovals } from './list-approvals';
import type { listApprovalsV1QuerySchema } from './schemas';

export async function listApprovalsPage(db: Db, scope: Scope, query: z.infer<typeof listApprovalsV1QuerySchema>) {
  const after = decodeTimeIdCursor(query.cursor);
  const rows = await listApprovals(db, scope, { status: query.status, limit: query.limit + 1 }, { after });
  return toPage(rows, query.limit, (approval) => encodeTimeIdCursor(approval.createdAt, approval.id));
}
