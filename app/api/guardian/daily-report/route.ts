// GET /api/guardian/daily-report — the last 24 hours: health score 0–100, suggestions, top errors and events.
import { getDb } from '@/db';
import { withApi } from '@/lib/api/with-api';
import { buildDailyReport } from '@/lib/guardian/daily-report';

export const GET = withApi({ auth: 'admin' }, async () => Response.json(await buildDailyReport(await getDb())));
