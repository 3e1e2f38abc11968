// GET /api/admin/flags — every feature flag and kill switch with its current value (platform admins).
import { getDb } from '@/db';
import { withApi } from '@/lib/api/with-api';
import { listFlags } from '@/lib/flags/list-flags';

export const GET = withApi({ auth: 'admin' }, async () => Response.json({ data: await listFlags(await getDb()) }));
