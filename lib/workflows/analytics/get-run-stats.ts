import 'server-only';
// Run analytics for the dashboard and a workflow's overview: runs today, 7-day success rate, the failure queue and
// waiting approvals, and per-day counts with p50/p95 durations (Postgres percentile_cont) over the last N days.
import { sql } from 'kysely';
import { z } from 'zod';
import type { Db } from '@/db/client';
import { requireScope, type Scope } from '@/lib/auth/scope';
import { isValidTimeZone } from '../definition';

export const runStatsOptionsSchema = z.object({
  workflowId: z.uuid().optional(),
  days: z.number().int().min(1).max(90).default(14),
  timeZone: z.string().refine(isValidTimeZone).default('UTC'),
});
export type RunStatsOptions = z.input<typeof runStatsOptionsSchema>;

export type RunDayStats = {
  day: string;
  total: number;
  succeeded: number;
  failed: number;
  p50Ms: number | null;
  p95Ms: number | null;
};

export type RunStats = {
  runsToday: number;
  /** Succeeded ÷ finished (succeeded or failed) among runs created in the last 7 days; null when none finished. */
  successRate7d: number | null;
  finished7d: number;
  failureQueue: number;
  approvalsWaiting: number;
  /** p50/p95 of finished runs (succeeded or failed; start to finish) created in the last 7 days. */
  p50Ms7d: number | null;
  p95Ms7d: number | null;
  /** Oldest first, one entry per calendar day in `timeZone`, today last. */
  perDay: RunDayStats[];
};

const toNumber = (value: unknown): number | null =>
  value === null || value === undefined ? null : Math.round(Number(value));

export async function getRunStats(
  db: Db,
  scope: Scope,
  options: RunStatsOptions = {},
  now: Date = new Date(),
): Promise<RunStats> {
  requireScope(scope, 'read');
  const { workflowId, days, timeZone } = runStatsOptionsSchema.parse(options);
  const byWorkflow = workflowId ? sql`and workflow_id = ${workflowId}` : sql``;
  const today = sql`date_trunc('day', ${now}::timestamptz at time zone ${timeZone})`;
  const durationMs = sql`extract(epoch from (finished_at - started_at)) * 1000`;
  const finished = sql`status in ('succeeded', 'failed') and started_at is not null and finished_at is not null`;

  const [perDay, summary] = await Promise.all([
    sql<{ day: string; total: string; succeeded: string; failed: string; p50: number | null; p95: number | null }>`
      with runs as (
        select status, started_at, finished_at, date_trunc('day', created_at at time zone ${timeZone}) as day
        from workflow_runs
        where workspace_id = ${scope.workspaceId} ${byWorkflow}
          and created_at >= (${today} - make_interval(days => ${days - 1})) at time zone ${timeZone}
          and created_at <= ${now}::timestamptz
      )
      select to_char(d.day, 'YYYY-MM-DD') as day,
        count(r.status) as total,
        count(*) filter (where r.status = 'succeeded') as succeeded,
        count(*) filter (where r.status = 'failed') as failed,
        percentile_cont(0.5) within group (order by extract(epoch from (r.finished_at - r.started_at)) * 1000)
          filter (where r.status in ('succeeded', 'failed') and r.started_at is not null and r.finished_at is not null) as p50,
        percentile_cont(0.95) within group (order by extract(epoch from (r.finished_at - r.started_at)) * 1000)
          filter (where r.status in ('succeeded', 'failed') and r.started_at is not null and r.finished_at is not null) as p95
      from generate_series(${today} - make_interval(days => ${days - 1}), ${today}, interval '1 day') as d(day)
      left join runs r on r.day = d.day
      group by d.day
      order by d.day`.execute(db),
    sql<{
      runs_today: string;
      succeeded_7d: string;
      finished_7d: string;
      p50: number | null;
      p95: number | null;
      failure_queue: string;
      approvals_waiting: string;
    }>`
      select
        (select count(*) from workflow_runs where workspace_id = ${scope.workspaceId} ${byWorkflow}
          and created_at >= ${today} at time zone ${timeZone} and created_at <= ${now}::timestamptz) as runs_today,
        count(*) filter (where status = 'succeeded') as succeeded_7d,
        count(*) filter (where status in ('succeeded', 'failed')) as finished_7d,
        percentile_cont(0.5) within group (order by ${durationMs}) filter (where ${finished}) as p50,
        percentile_cont(0.95) within group (order by ${durationMs}) filter (where ${finished}) as p95,
        (select count(*) from workflow_runs where workspace_id = ${scope.workspaceId} ${byWorkflow}
          and status = 'failed' and dead_lettered_at is not null) as failure_queue,
        (select count(*) from workflow_approvals where workspace_id = ${scope.workspaceId} ${byWorkflow}
          and status = 'pending' and expires_at > ${now}::timestamptz) as approvals_waiting
      from workflow_runs
      where workspace_id = ${scope.workspaceId} ${byWorkflow}
        and created_at > ${now}::timestamptz - interval '7 days' and created_at <= ${now}::timestamptz`.execute(db),
  ]);

  const row = summary.rows[0]!;
  const finished7d = Number(row.finished_7d);
  return {
    runsToday: Number(row.runs_today),
    successRate7d: finished7d > 0 ? Number(row.succeeded_7d) / finished7d : null,
    finished7d,
    failureQueue: Number(row.failure_queue),
    approvalsWaiting: Number(row.approvals_waiting),
    p50Ms7d: toNumber(row.p50),
    p95Ms7d: toNumber(row.p95),
    perDay: perDay.rows.map((day) => ({
      day: day.day,
      total: Number(day.total),
      succeeded: Number(day.succeeded),
      failed: Number(day.failed),
      p50Ms: toNumber(day.p50),
      p95Ms: toNumber(day.p95),
    })),
  };
}
