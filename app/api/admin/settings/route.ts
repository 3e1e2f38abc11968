// GET /api/admin/settings — operator settings (the AI daily budget) with their defaults (platform admins).
import { getDb } from '@/db';
import { listOpsSettings } from '@/lib/admin/ops-settings';
import { withApi } from '@/lib/api/with-api';

export const GET = withApi({ auth: 'admin' }, async () =>
  Response.json({ data: await listOpsSettings(await getDb()) }),
);
