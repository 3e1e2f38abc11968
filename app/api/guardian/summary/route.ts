// GET /api/guardian/summary — status, health score, uptime, anomalies, open plans and kill switches (platform admins).
import { getDb } from '@/db';
import { withApi } from '@/lib/api/with-api';
import { getGuardianSummary } from '@/lib/guardian/guardian-summary';

export const GET = withApi({ auth: 'admin' }, async () => Response.json(await getGuardianSummary(await getDb())));
