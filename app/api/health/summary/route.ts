// GET /api/health/summary — each dependency with its latency, and which services are configured or embedded.
import { getDbOrNull } from '@/db';
import { withApi } from '@/lib/api/with-api';
import { configuredServices, getEnv } from '@/lib/env';
import { getHeartbeat } from '@/lib/system/heartbeat';

export const dynamic = 'force-dynamic';

export const GET = withApi({ auth: 'public' }, async () => {
  const env = getEnv();
  const db = await getDbOrNull();
  const heartbeat = await getHeartbeat(db, env);
  return Response.json(
    {
      status: heartbeat.status,
      version: heartbeat.version,
      uptime_seconds: heartbeat.uptime_seconds,
      error_count_recent: heartbeat.error_count_recent,
      checks: {
        database: { ...heartbeat.checks.db, error: heartbeat.checks.db.ok ? undefined : 'database unreachable' },
        stripe: heartbeat.checks.stripe,
        ai: heartbeat.checks.ai,
      },
      services: configuredServices(env),
      launch_stage: env.LEVQOR_LAUNCH_STAGE,
      checked_at: heartbeat.checked_at,
    },
    { status: heartbeat.status === 'down' ? 503 : 200, headers: { 'cache-control': 'no-store' } },
  );
});
