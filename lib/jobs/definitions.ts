import 'server-only';
// The one list of scheduled jobs; Inngest cron functions and the embedded scheduler are both built from it.
import { pruneRateLimits } from '@/lib/api/rate-limit';
import { getEnv } from '@/lib/env';
import { purgeOldTelemetry } from '@/lib/guardian/purge-telemetry';
import { getHeartbeat } from '@/lib/system/heartbeat';
import { purgeExpiredWorkspaces } from '@/lib/workspaces/purge-workspaces';
import type { JobDefinition } from './types';

export type { JobContext, JobDefinition } from './types';

const DAY_MS = 86_400_000;

export const jobDefinitions: readonly JobDefinition[] = [
  {
    id: 'heartbeat',
    description: 'Checks the database, Stripe and the AI provider and records the result in heartbeats.',
    cron: '* * * * *',
    timezone: 'UTC',
    run: async ({ db }) => {
      const heartbeat = await getHeartbeat(db, getEnv());
      return db
        .insertInto('heartbeats')
        .values({
          status: heartbeat.status,
          db_ok: heartbeat.db_ok,
          stripe_ok: String(heartbeat.stripe_ok),
          brain_ok: String(heartbeat.brain_ok),
          error_count_recent: heartbeat.error_count_recent,
          latency_ms: heartbeat.checks.db.latency_ms,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
    },
  },
  {
    id: 'workspace-purge',
    description: 'Purges soft-deleted workspaces whose restore period has passed.',
    cron: '0 3 * * *',
    timezone: 'UTC',
    run: async ({ db, now }) => ({ purged: await purgeExpiredWorkspaces(db, now) }),
  },
  {
    id: 'rate-limit-prune',
    description: 'Deletes rate-limit windows older than a day.',
    cron: '0 * * * *',
    timezone: 'UTC',
    run: async ({ db, now }) => ({ deleted: await pruneRateLimits(db, new Date(now.getTime() - DAY_MS)) }),
  },
  {
    id: 'telemetry-retention',
    description: 'Deletes telemetry older than 30 days and heartbeats older than 90 days.',
    cron: '0 4 * * *',
    timezone: 'UTC',
    run: ({ db, now }) => purgeOldTelemetry(db, now),
  },
];
