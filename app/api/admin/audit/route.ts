// GET /api/admin/audit — the platform-wide audit log, newest first, paged by cursor (platform admins).
import { getDb } from '@/db';
import { listPlatformAudit, platformAuditQuerySchema } from '@/lib/admin/list-platform-audit';
import { withApi } from '@/lib/api/with-api';

export const GET = withApi({ auth: 'admin', query: platformAuditQuerySchema }, async ({ query }) =>
  Response.json(await listPlatformAudit(await getDb(), query)),
);
