import 'server-only';
// The one list of scheduled jobs; Inngest cron functions and the embedded scheduler are both built from it.
import { pruneAiCalls } from '@/lib/ai/usage/prune-ai-calls';
import { pruneRateLimits } from '@/lib/api/rate-limit';
import { pruneIdempotencyKeys } from '@/lib/api/v1/idempotency';
import { notifyGraceExpired, pruneStripeEvents } from '@/lib/billing/run-dunning';
import { pruneSnapshots } from '@/lib/backups/prune-snapshots';
import { verifySnapshots } from '@/lib/backups/verify-snapshots';
import { getEnv } from '@/lib/env';
import { findAnomalies } from '@/lib/guardian/find-anomalies';
import { purgeGuardianData } from '@/lib/guardian/purge-guardian';
import { purgeOldTelemetry } from '@/lib/guardian/purge-telemetry';
import { runDailyReport } from '@/lib/guardian/run-daily-report';
import { alertCriticalAnomalies } from '@/lib/guardian/send-alerts';
import { sendWeeklyReports } from '@/lib/guardian/send-weekly-reports';
import { rebuildUpgradePlans } from '@/lib/guardian/upgrade/rebuild-plans';
import { getHeartbeat } from '@/lib/system/heartbeat';
import { pruneDriverHeartbeats } from '@/lib/workflows/engine/driver-heartbeat';
import { recoverStuckRuns } from '@/lib/workflows/engine/recover-stuck-runs';
import { runDueSchedules } from '@/lib/workflows/triggers/run-due-schedules';
import { deliverDueWebhooks } from '@/lib/webhooks/deliver-due-webhooks';
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
    id: 'workflow-schedules',
    description: 'Starts a run of every enabled scheduled workflow whose cron occurrence is due.',
    cron: '* * * * *',
    timezone: 'UTC',
    run: ({ db, now }) => runDueSchedules(db, now),
  },
  {
    id: 'webhook-deliveries',
    description: 'Sends due event-webhook deliveries (signed, through the egress guard) and schedules retries.',
    cron: '* * * * *',
    timezone: 'UTC',
    run: ({ db, now }) => deliverDueWebhooks(db, now),
  },
  {
    id: 'stuck-run-recovery',
    description: 'Hands runs that no driver has advanced for 5 minutes back to the driver; fails abandoned job runs.',
    cron: '*/5 * * * *',
    timezone: 'UTC',
    run: ({ db, now }) => recoverStuckRuns(db, now),
  },
  {
    id: 'driver-heartbeat-prune',
    description:
      'Forgets workflow drivers that have not sent a heartbeat for a day (their leases were freed long ago).',
    cron: '25 * * * *',
    timezone: 'UTC',
    run: ({ db, now }) => pruneDriverHeartbeats(db, new Date(now.getTime() - DAY_MS)),
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
    id: 'idempotency-key-prune',
    description: "Forgets the public API's stored answers to Idempotency-Keys older than 24 hours.",
    cron: '15 * * * *',
    timezone: 'UTC',
    run: async ({ db, now }) => ({ deleted: await pruneIdempotencyKeys(db, now) }),
  },
  {
    id: 'ai-call-retention',
    description: 'Deletes AI spend records older than 400 days and spike throttles that have ended.',
    cron: '45 4 * * *',
    timezone: 'UTC',
    run: ({ db, now }) => pruneAiCalls(db, now),
  },
  {
    id: 'telemetry-retention',
    description: 'Deletes telemetry older than 30 days and heartbeats older than 90 days.',
    cron: '0 4 * * *',
    timezone: 'UTC',
    run: ({ db, now }) => purgeOldTelemetry(db, now),
  },
  {
    id: 'backup-verify',
    description:
      'Re-reads backup snapshots, least recently verified first, and re-checks their SHA-256; a mismatch alerts the owners.',
    cron: '30 2 * * *',
    timezone: 'UTC',
    run: ({ db, now }) => verifySnapshots(db, { now }),
  },
  {
    id: 'backup-prune',
    description: "Deletes backup snapshots that fall outside their workflow's retention policy.",
    cron: '0 5 * * *',
    timezone: 'UTC',
    run: ({ db, now }) => pruneSnapshots(db, now),
  },
  {
    id: 'anomaly-alerts',
    description: 'Looks for anomalies in the last hour and alerts the operators about critical ones (email, Telegram).',
    cron: '*/5 * * * *',
    timezone: 'UTC',
    run: async ({ db, now }) => {
      const { anomalies } = await findAnomalies(db, { windowMinutes: 60, now });
      return { anomalies: anomalies.length, ...(await alertCriticalAnomalies(db, anomalies, { now })) };
    },
  },
  {
    id: 'upgrade-planner',
    description: 'Rebuilds the upgrade plans from anomalies and healing checks (design only; applies nothing).',
    cron: '0 */6 * * *',
    timezone: 'UTC',
    run: ({ db, now }) => rebuildUpgradePlans(db, { now }),
  },
  {
    id: 'daily-report',
    description: 'Builds the daily guardian report (health score, suggestions) and emails it to the operators.',
    cron: '0 6 * * *',
    timezone: 'UTC',
    run: ({ db, now }) => runDailyReport(db, { now }),
  },
  {
    id: 'weekly-report',
    description: "Emails each active workspace's owners a summary of their week.",
    cron: '0 8 * * 1',
    timezone: 'UTC',
    run: ({ db, now }) => sendWeeklyReports(db, { now }),
  },
  {
    id: 'guardian-retention',
    description: 'Deletes job runs older than 30 days, stale alert records, year-old reports and long-archived plans.',
    cron: '30 4 * * *',
    timezone: 'UTC',
    run: ({ db, now }) => purgeGuardianData(db, now),
  },
  {
    id: 'billing-dunning',
    description:
      'Emails the owners of past-due workspaces whose grace period has ended (their limits are now the free plan’s).',
    cron: '15 * * * *',
    timezone: 'UTC',
    run: ({ db, now }) => notifyGraceExpired(db, now),
  },
  {
    id: 'stripe-events-prune',
    description: 'Forgets processed Stripe webhook event ids older than 90 days.',
    cron: '45 5 * * *',
    timezone: 'UTC',
    run: ({ db, now }) => pruneStripeEvents(db, now),
  },
];
