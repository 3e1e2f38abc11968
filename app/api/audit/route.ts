// GET /api/audit — the workspace's audit log, newest first (owners and admins).
import { z } from 'zod';
import { getDb } from '@/db';
import { withApi } from '@/lib/api/with-api';
import { listAuditLogs } from '@/lib/audit/list-audit-logs';

const querySchema = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  before: z.string().regex(/^\d+$/).optional(),
});

export const GET = withApi({ auth: 'sessionOrApiKey', query: querySchema }, async ({ scope, query }) =>
  Response.json(await listAuditLogs(await getDb(), scope, query)),
);
