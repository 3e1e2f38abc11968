// The anomaly rules, pure: each takes what was measured and returns the anomalies it finds.
import { detectSpike } from './spike-detector';
import type { EndpointStats, ErrorGroup } from './telemetry-window';

export type AnomalyKind =
  | 'repeated_error'
  | 'slow_endpoint'
  | 'high_error_rate'
  | 'error_spike'
  | 'latency_spike'
  | 'job_failures'
  | 'heartbeat_down'
  | 'heartbeat_stale'
  | 'ai_spike';

export type Severity = 'warning' | 'critical';

export type Anomaly = {
  /** Stable across runs for the same finding (alert de-duplication and upgrade plans key on it). */
  fingerprint: string;
  kind: AnomalyKind;
  severity: Severity;
  /** English summary for logs, emails and API clients; the admin pages translate by kind and details. */
  title: string;
  details: Record<string, string | number | null>;
};

export const thresholds = {
  repeatedErrorCount: 3,
  repeatedErrorCritical: 20,
  slowEndpointMs: 2_000,
  slowEndpointCriticalMs: 10_000,
  errorRate: 0.1,
  errorRateCritical: 0.25,
  heartbeatStaleMinutes: 5,
  jobFailuresCritical: 3,
} as const;

/**
 * The same error message (digits ignored) at least 3 times. Browser-reported errors (`web.*`) stay warnings:
 * the intake is public, so they must never page an operator.
 */
export function repeatedErrors(groups: readonly ErrorGroup[]): Anomaly[] {
  return groups
    .filter((group) => group.count >= thresholds.repeatedErrorCount)
    .map((group) => ({
      fingerprint: `repeated_error:${group.name}:${group.message.replace(/\d+/g, '#').slice(0, 120)}`,
      kind: 'repeated_error',
      severity:
        group.count >= thresholds.repeatedErrorCritical && !group.name.startsWith('web.') ? 'critical' : 'warning',
      title: `"${group.message.slice(0, 120)}" repeated ${group.count} times`,
      details: {
        name: group.name,
        message: group.message.slice(0, 300),
        count: group.count,
        path: group.paths[0] ?? null,
      },
    }));
}

/** API endpoints whose mean latency in the window is over 2000 ms. */
export function slowEndpoints(endpoints: readonly EndpointStats[]): Anomaly[] {
  return endpoints
    .filter((endpoint) => endpoint.meanMs > thresholds.slowEndpointMs)
    .map((endpoint) => {
      const route = `${endpoint.method ? `${endpoint.method} ` : ''}${endpoint.path}`;
      return {
        fingerprint: `slow_endpoint:${route}`,
        kind: 'slow_endpoint',
        severity: endpoint.meanMs > thresholds.slowEndpointCriticalMs ? 'critical' : 'warning',
        title: `${route} averages ${Math.round(endpoint.meanMs)} ms`,
        details: {
          route,
          mean_ms: endpoint.meanMs,
          p95_ms: endpoint.p95Ms,
          max_ms: endpoint.maxMs,
          requests: endpoint.requests,
        },
      };
    });
}

/** More than 10 % of API requests failed (5xx); judged only from MIN_REQUESTS_FOR_RATE requests up. */
export function highErrorRate(requests: number, failed: number, errorRate: number | null): Anomaly[] {
  if (errorRate === null || errorRate <= thresholds.errorRate) return [];
  const pct = Math.round(errorRate * 1000) / 10;
  return [
    {
      fingerprint: 'high_error_rate',
      kind: 'high_error_rate',
      severity: errorRate > thresholds.errorRateCritical ? 'critical' : 'warning',
      title: `${pct} % of API requests failed (${failed} of ${requests})`,
      details: { error_rate_pct: pct, failed, requests },
    },
  ];
}

/** 3-sigma spikes of errors per bucket and of API latency per bucket. */
export function spikes(series: { errors: readonly number[]; latencyMs: readonly (number | null)[] }): Anomaly[] {
  const found: Anomaly[] = [];
  const errorSpike = detectSpike(series.errors, { minValue: 5, sigmaFloor: 1 });
  if (errorSpike?.isSpike) {
    found.push({
      fingerprint: 'error_spike',
      kind: 'error_spike',
      severity: 'critical',
      title: `Error spike: ${errorSpike.latest} errors in 5 minutes (normal ${errorSpike.mean} ± ${errorSpike.stdev})`,
      details: {
        latest: errorSpike.latest,
        mean: errorSpike.mean,
        stdev: errorSpike.stdev,
        threshold: errorSpike.threshold,
      },
    });
  }
  const latencySpike = detectSpike(series.latencyMs, { minValue: 500, sigmaFloor: 50 });
  if (latencySpike?.isSpike) {
    found.push({
      fingerprint: 'latency_spike',
      kind: 'latency_spike',
      severity: 'warning',
      title: `Latency spike: ${Math.round(latencySpike.latest)} ms mean in 5 minutes (normal ${Math.round(latencySpike.mean)} ms)`,
      details: {
        latest: latencySpike.latest,
        mean: latencySpike.mean,
        stdev: latencySpike.stdev,
        threshold: latencySpike.threshold,
      },
    });
  }
  return found;
}

export type JobFailure = { jobId: string; failures: number; lastError: string | null };

/** Scheduled jobs that failed after their retries; critical for the heartbeat or from 3 failures. */
export function jobFailures(failures: readonly JobFailure[]): Anomaly[] {
  return failures
    .filter((failure) => failure.failures > 0)
    .map((failure) => ({
      fingerprint: `job_failures:${failure.jobId}`,
      kind: 'job_failures',
      severity:
        failure.jobId === 'heartbeat' || failure.failures >= thresholds.jobFailuresCritical ? 'critical' : 'warning',
      title: `Job ${failure.jobId} failed ${failure.failures} times`,
      details: { job: failure.jobId, failures: failure.failures, last_error: failure.lastError?.slice(0, 300) ?? null },
    }));
}

/** The latest heartbeat says down, or none has been written for 5 minutes (only once one ever was). */
export function heartbeatProblems(latest: { status: string; createdAt: Date } | null, now: Date): Anomaly[] {
  if (!latest) return [];
  const ageMinutes = Math.floor((now.getTime() - latest.createdAt.getTime()) / 60_000);
  if (ageMinutes >= thresholds.heartbeatStaleMinutes) {
    return [
      {
        fingerprint: 'heartbeat_stale',
        kind: 'heartbeat_stale',
        severity: 'critical',
        title: `No heartbeat for ${ageMinutes} minutes`,
        details: { minutes: ageMinutes },
      },
    ];
  }
  if (latest.status === 'down') {
    return [
      {
        fingerprint: 'heartbeat_down',
        kind: 'heartbeat_down',
        severity: 'critical',
        title: 'The last heartbeat reported the service down',
        details: { status: latest.status },
      },
    ];
  }
  return [];
}

export type AiSpikeEvent = { workspaceId: string; workspace: string; calls: number; normalCalls: number; at: Date };

/** Workspaces whose AI use spiked (each was throttled for 15 minutes when it happened); critical, so operators hear. */
export function aiSpikes(events: readonly AiSpikeEvent[]): Anomaly[] {
  return events.map((event) => ({
    fingerprint: `ai_spike:${event.workspaceId}`,
    kind: 'ai_spike',
    severity: 'critical',
    title: `AI spike in ${event.workspace}: ${event.calls} model calls in a minute (normal ${event.normalCalls}); throttled for 15 minutes`,
    details: {
      workspace: event.workspace,
      workspace_id: event.workspaceId,
      calls: event.calls,
      normal: event.normalCalls,
      at: event.at.toISOString(),
    },
  }));
}

export function bySeverity(anomalies: Anomaly[]): Anomaly[] {
  return anomalies.sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'critical' ? -1 : 1));
}
