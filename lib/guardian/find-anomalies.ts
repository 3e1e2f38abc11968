import 'server-only';
// Finds anomalies in a time window: telemetry rules, 3-sigma spikes, failed jobs and the heartbeat.
import { sql } from 'kysely';
import type { Db } from '@/db/client';
import {
  type AiSpikeEvent,
  aiSpikes,
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
  const [series, failures, latest, aiSpikeEvents] = await Promise.all([
    loadTelemetrySeries(db, now),
    loadJobFailures(db, new Date(now.getTime() - 24 * 3_600_000)),
    getLatestHeartbeat(db),
    loadAiSpikes(db, window),
  ]);
  const anomalies = bySeverity([
    ...heartbeatProblems(latest, now),
    ...highErrorRate(window.requests, window.serverErrors, window.errorRate),
    ...spikes(series),
    ...slowEndpoints(window.endpoints),
    ...repeatedErrors(window.errors),
    ...jobFailures(failures),
    ...aiSpikes(aiSpikeEvents),
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

/** The latest `ai.spike` event per workspace in the window (written once per spike by lib/ai/guard/detect-ai-spike). */
export async function loadAiSpikes(db: Db, window: { from: Date; to: Date }): Promise<AiSpikeEvent[]> {
  const rows = await db
    .selectFrom('telemetry_logs')
    .select(['workspace_id', 'meta', 'created_at'])
    .where('name', '=', 'ai.spike')
    .where('kind', '=', 'event')
    .where('workspace_id', 'is not', null)
    .where('created_at', '>=', window.from)
    .where('created_at', '<', window.to)
    .orderBy('created_at', 'desc')
    .limit(100)
    .execute();
  const latest = new Map<string, AiSpikeEvent>();
  for (const row of rows) {
    if (!row.workspace_id || latest.has(row.workspace_id)) continue;
    const meta = (row.meta ?? {}) as Record<string, unknown>;
    latest.set(row.workspace_id, {
      workspaceId: row.workspace_id,
      workspace: typeof meta.workspace === 'string' && meta.workspace ? meta.workspace : row.workspace_id,
      calls: Number(meta.calls ?? 0),
      normalCalls: Number(meta.normal_calls ?? 0),
      at: new Date(row.created_at),
    });
  }
  return [...latest.values()];
}
