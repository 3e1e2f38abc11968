import 'server-only';
// The cost monitor: what drives spend, read from what exists — workflow runs, emails, AI answers and their cost (from
// `ai_calls`), backup storage, telemetry volume, database size.
import { sql } from 'kysely';
import type { Db } from '@/db/client';
import { MICROCENTS_PER_CENT } from '@/lib/ai/pricing';
import { getOpsSetting } from './ops-settings';

const DAY_MS = 86_400_000;

export type CostMonitor = {
  runs: { last24h: number; last30d: number; failed30d: number };
  emails: { last24h: number; last30d: number; failed30d: number };
  /** AI answers (model and fallback) and their cost in minor units, with fractions (an answer costs a fraction of 1p). */
  ai: { calls24h: number; calls30d: number; costCents24h: number; costCents30d: number; dailyBudgetCents: number };
  backups: { snapshots: number; bytes: number };
  telemetry: { rows: number; rows24h: number };
  databaseBytes: number | null;
};

export async function getCostMonitor(db: Db, now = new Date()): Promise<CostMonitor> {
  const day = new Date(now.getTime() - DAY_MS);
  const month = new Date(now.getTime() - 30 * DAY_MS);
  const [runs, emails, ai, backups, telemetry, size, budget] = await Promise.all([
    db
      .selectFrom('workflow_runs')
      .select([
        sql<number>`count(*) filter (where created_at >= ${day})`.as('day'),
        sql<number>`count(*)`.as('month'),
        sql<number>`count(*) filter (where status = 'failed')`.as('failed'),
      ])
      .where('created_at', '>=', month)
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('email_outbox')
      .select([
        sql<number>`count(*) filter (where created_at >= ${day})`.as('day'),
        sql<number>`count(*)`.as('month'),
        sql<number>`count(*) filter (where status = 'failed')`.as('failed'),
      ])
      .where('created_at', '>=', month)
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('ai_calls')
      .select([
        sql<number>`count(*) filter (where created_at >= ${day})`.as('day'),
        sql<number>`count(*)`.as('month'),
        sql<string>`coalesce(sum(cost_microcents) filter (where created_at >= ${day}), 0)`.as('cost_day'),
        sql<string>`coalesce(sum(cost_microcents), 0)`.as('cost_month'),
      ])
      .where('created_at', '>=', month)
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('backup_snapshots')
      .select([sql<number>`count(*)`.as('count'), sql<number>`coalesce(sum(size_bytes), 0)`.as('bytes')])
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('telemetry_logs')
      .select([sql<number>`count(*)`.as('rows'), sql<number>`count(*) filter (where created_at >= ${day})`.as('day')])
      .executeTakeFirstOrThrow(),
    sql<{ bytes: string }>`select pg_database_size(current_database()) as bytes`.execute(db).catch(() => null),
    getOpsSetting(db, 'ai.daily_budget_cents'),
  ]);
  return {
    runs: { last24h: Number(runs.day), last30d: Number(runs.month), failed30d: Number(runs.failed) },
    emails: { last24h: Number(emails.day), last30d: Number(emails.month), failed30d: Number(emails.failed) },
    ai: {
      calls24h: Number(ai.day),
      calls30d: Number(ai.month),
      costCents24h: Number(ai.cost_day) / MICROCENTS_PER_CENT,
      costCents30d: Number(ai.cost_month) / MICROCENTS_PER_CENT,
      dailyBudgetCents: budget,
    },
    backups: { snapshots: Number(backups.count), bytes: Number(backups.bytes) },
    telemetry: { rows: Number(telemetry.rows), rows24h: Number(telemetry.day) },
    databaseBytes: size?.rows[0] ? Number(size.rows[0].bytes) : null,
  };
}
