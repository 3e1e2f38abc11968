// GET /api/admin/costs — the cost monitor: runs, emails, AI calls and spend, storage (platform admins).
import { getDb } from '@/db';
import { getCostMonitor } from '@/lib/admin/cost-monitor';
import { withApi } from '@/lib/api/with-api';

export const GET = withApi({ auth: 'admin' }, async () => Response.json(await getCostMonitor(await getDb())));
