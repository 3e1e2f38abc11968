// GET /api/system/heartbeat — readiness: database, Stripe and AI checks, recent errors, uptime, version.
import { getDbOrNull } from '@/db';
import { withApi } from '@/lib/api/with-api';
import { getEnv } from '@/lib/env';
import { getHeartbeat } from '@/lib/system/heartbeat';

export const dynamic = 'force-dynamic';

export const GET = withApi({ auth: 'public' }, async () => {
  const db = await getDbOrNull();
  const { checks: _checks, ...heartbeat } = await getHeartbeat(db, getEnv());
  return Response.json(heartbeat, {
    status: heartbeat.status === 'down' ? 503 : 200,
    headers: { 'cache-control': 'no-store' },
  });
});
