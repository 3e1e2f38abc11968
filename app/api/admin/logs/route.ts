// GET /api/admin/logs — the live logs tail: telemetry rows newer than a cursor (platform admins).
import { getDb } from '@/db';
import { tailLogs, tailLogsQuerySchema } from '@/lib/admin/tail-logs';
import { withApi } from '@/lib/api/with-api';

export const GET = withApi({ auth: 'admin', query: tailLogsQuerySchema }, async ({ query }) =>
  Response.json(await tailLogs(await getDb(), query)),
);
