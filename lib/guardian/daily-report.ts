import 'server-only';
// The daily report: the health score with what lowered it, suggestions, anomalies, top errors, events and slow endpoints.
import type { Db } from '@/db/client';
import type { Anomaly } from './anomaly-rules';
import { type AssessOptions, assessHealth, type HealthAssessment } from './assess-health';
import type { HealthInputs, HealthScore } from './health-score';
import type { EndpointStats, ErrorGroup, EventCount } from './telemetry-window';

export type Suggestion = { code: string; params: Record<string, string | number>; message: string };

export type DailyReport = {
  period: { from: string; to: string };
  health: HealthScore & { inputs: HealthInputs };
  summary: {
    requests: number;
    server_errors: number;
    error_rate_pct: number | null;
    error_count: number;
    uptime_pct: number | null;
    dependencies: Record<'db' | 'stripe' | 'ai', boolean | 'not_configured'>;
  };
  anomalies: Anomaly[];
  suggestions: Suggestion[];
  top_errors: ErrorGroup[];
  top_events: EventCount[];
  slow_endpoints: EndpointStats[];
};

const UPTIME_TARGET_PCT = 99.5;

function suggestionFor(anomaly: Anomaly): Suggestion {
  const d = anomaly.details;
  switch (anomaly.kind) {
    case 'slow_endpoint':
      return {
        code: 'speed_up_endpoint',
        params: { route: String(d.route) },
        message: `Speed up ${d.route}: profile it, add an index or cache, or move work to a background job.`,
      };
    case 'repeated_error':
      return {
        code: 'fix_repeated_error',
        params: { message: String(d.message).slice(0, 120) },
        message: `Fix the repeated error "${String(d.message).slice(0, 120)}".`,
      };
    case 'high_error_rate':
      return {
        code: 'reduce_error_rate',
        params: { pct: Number(d.error_rate_pct) },
        message: `Reduce the error rate (${d.error_rate_pct} %): start with the endpoints that fail most.`,
      };
    case 'error_spike':
      return {
        code: 'investigate_error_spike',
        params: {},
        message: 'Investigate the error spike: compare the newest errors with the last deploy.',
      };
    case 'latency_spike':
      return {
        code: 'investigate_latency_spike',
        params: {},
        message: 'Investigate the latency spike: check the database and external providers.',
      };
    case 'ai_spike':
      return {
        code: 'review_ai_spike',
        params: { workspace: String(d.workspace) },
        message: `Review the AI spike of ${d.workspace}: it was throttled for 15 minutes (Power panel → AI).`,
      };
    case 'job_failures':
      return {
        code: 'fix_failing_job',
        params: { job: String(d.job) },
        message: `Fix the failing scheduled job ${d.job} (see System health).`,
      };
    default:
      return {
        code: 'restore_heartbeat',
        params: {},
        message: 'Restore the heartbeat: check that the scheduler (Inngest or the embedded one) is running.',
      };
  }
}

/** Pure: suggestions from an assessment, most important first, without duplicates. */
export function suggestionsFor(assessment: Pick<HealthAssessment, 'anomalies' | 'uptime' | 'checks'>): Suggestion[] {
  const suggestions = assessment.anomalies.anomalies.map(suggestionFor);
  const uptime = assessment.uptime.uptimePct;
  if (uptime !== null && uptime < UPTIME_TARGET_PCT) {
    suggestions.push({
      code: 'improve_uptime',
      params: { pct: uptime },
      message: `Uptime was ${uptime} %, under the ${UPTIME_TARGET_PCT} % target: look for gaps in the heartbeat history.`,
    });
  }
  if (assessment.checks.stripe.ok === 'not_configured')
    suggestions.push({ code: 'configure_stripe', params: {}, message: 'Configure Stripe to take payments.' });
  if (assessment.checks.ai.ok === 'not_configured')
    suggestions.push({
      code: 'configure_ai',
      params: {},
      message: 'Configure the AI provider to replace the deterministic fallbacks.',
    });
  const unique = [...new Map(suggestions.map((s) => [`${s.code}:${JSON.stringify(s.params)}`, s])).values()];
  return unique.length > 0 ? unique : [{ code: 'all_clear', params: {}, message: 'Nothing needs attention.' }];
}

export async function buildDailyReport(db: Db, options: AssessOptions = {}): Promise<DailyReport> {
  const assessment = await assessHealth(db, { windowMinutes: 1440, ...options });
  const { telemetry, checks } = assessment;
  return {
    period: { from: telemetry.from.toISOString(), to: telemetry.to.toISOString() },
    health: { ...assessment.health, inputs: assessment.inputs },
    summary: {
      requests: telemetry.requests,
      server_errors: telemetry.serverErrors,
      error_rate_pct: telemetry.errorRate === null ? null : Math.round(telemetry.errorRate * 1000) / 10,
      error_count: telemetry.errorCount,
      uptime_pct: assessment.uptime.uptimePct,
      dependencies: { db: checks.db.ok, stripe: checks.stripe.ok, ai: checks.ai.ok },
    },
    anomalies: assessment.anomalies.anomalies,
    suggestions: suggestionsFor(assessment),
    top_errors: telemetry.errors.slice(0, 5),
    top_events: telemetry.events.slice(0, 5),
    slow_endpoints: telemetry.endpoints.slice(0, 5),
  };
}
