import 'server-only';
// Finds anomalies in a time window: telemetry rules, 3-sigma spikes, failed jobs and the heartbeat.
import { sql } from 'kysely';
import type { Db } from '@/db/client';
import {
  type Anomaly,
  bySeverity,
  heartbeatProblems,
  highErrorRate,
  type JobFailure,
  jobFailures,
  repeatedErrors,
  slowEndpoints,
  spikes,
} from './anomaly-rules';
import { loadTelemetrySeries } from './telemetry-series';
import { lastMinutes, loadTelemetryWindow, type TelemetryWindow } from './telemetry-window';
import { getLatestHeartbeat } from './uptime';

export type AnomalyReport = {
  windowMinutes: number;
  from: Date;
  to: Date;
  anomalies: Anomaly[];
  counts: { critical: number; warning: number };
};

export async function findAnomalies(
  db: Db,
  {
    windowMinutes = 60,
    now = new Date(),
    telemetry,
  }: { windowMinutes?: number; now?: Date; telemetry?: TelemetryWindow } = {},
): Promise<AnomalyReport> {
  const window = telemetry ?? (await loadTelemetryWindow(db, lastMinutes(windowMinutes, now)));
  const [series, failures, latest] = await Promise.all([
    loadTelemetrySeries(db, now),
    loadJobFailures(db, new Date(now.getTime() - 24 * 3_600_000)),
    getLatestHeartbeat(db),
  ]);
  const anomalies = bySeverity([
    ...heartbeatProblems(latest, now),
    ...highErrorRate(window.requests, window.serverErrors, window.errorRate),
    ...spikes(series),
    ...slowEndpoints(window.endpoints),
    ...repeatedErrors(window.errors),
    ...jobFailures(failures),
  ]);
  return {
    windowMinutes,
    from: window.from,
    to: window.to,
    anomalies,
    counts: {
      critical: anomalies.filter((a) => a.severity === 'critical').length,
      warning: anomalies.filter((a) => a.severity === 'warning').length,
    },
  };
}

/** Per job, the occurrences that failed after their retries since `since` and since the job last succeeded. */
export async function loadJobFailures(db: Db, since: Date): Promise<JobFailure[]> {
  const rows = await db
    .selectFrom('job_runs as failed')
    .select([
      'failed.job_id',
      sql<number>`count(*)`.as('failures'),
      sql<string | null>`(array_agg(failed.error order by failed.started_at desc))[1]`.as('last_error'),
    ])
    .where('failed.status', '=', 'failed')
    .where('failed.started_at', '>=', since)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('job_runs as ok')
            .select('ok.id')
            .whereRef('ok.job_id', '=', 'failed.job_id')
            .where('ok.status', '=', 'succeeded')
            .whereRef('ok.scheduled_for', '>', 'failed.scheduled_for'),
        ),
      ),
    )
    .groupBy('failed.job_id')
    .execute();
  return rows.map((row) => ({ jobId: row.job_id, failures: Number(row.failures), lastError: row.last_error }));
}
