// GET /api/admin/heartbeats — heartbeat history per minute and uptime over 24 hours and 7 days (platform admins).
import { getDb } from '@/db';
import { withApi } from '@/lib/api/with-api';
import { heartbeatHistoryQuerySchema } from '@/lib/guardian/schemas';
import { getHeartbeatHistory, getUptime } from '@/lib/guardian/uptime';

export const GET = withApi({ auth: 'admin', query: heartbeatHistoryQuerySchema }, async ({ query }) => {
  const db = await getDb();
  const now = new Date();
  const [history, day, week] = await Promise.all([
    getHeartbeatHistory(db, query.minutes, now),
    getUptime(db, new Date(now.getTime() - 86_400_000), now),
    getUptime(db, new Date(now.getTime() - 7 * 86_400_000), now),
  ]);
  return Response.json({ history, uptime_24h: day, uptime_7d: week });
});
