// GET /api/audit — the workspace's audit log, newest first (owners and admins).
import { getDb } from '@/db';
import { withApi } from '@/lib/api/with-api';
import { listAuditLogs } from '@/lib/audit/list-audit-logs';
import { listAuditLogsQuerySchema } from '@/lib/audit/schemas';

export const GET = withApi({ auth: 'sessionOrApiKey', query: listAuditLogsQuerySchema }, async ({ scope, query }) =>
  Response.json(await listAuditLogs(await getDb(), scope, query)),
);
