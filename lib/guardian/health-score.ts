// The health score, 0–100: start at 100 and subtract capped penalties (documented in docs/architecture.md).
export type HealthInputs = {
  dbOk: boolean;
  /** Stripe and AI checks that answered with a failure (not configured does not count). */
  failingDependencies: number;
  /** Failed API requests over all API requests, 0–1; null when there were too few requests to judge. */
  errorRate: number | null;
  slowEndpoints: number;
  repeatedErrors: number;
  /** Heartbeat uptime in percent; null when nothing can be judged yet. */
  uptimePct: number | null;
  failedJobs: number;
};

export type HealthPenalty = { factor: keyof HealthInputs; points: number };
export type HealthScore = {
  score: number;
  grade: 'healthy' | 'fair' | 'degraded' | 'critical';
  penalties: HealthPenalty[];
};

export const healthPenalties = {
  dbDown: 40,
  perErrorRatePercent: 2,
  errorRateCap: 30,
  perSlowEndpoint: 5,
  slowEndpointsCap: 15,
  perRepeatedError: 3,
  repeatedErrorsCap: 9,
  perFailingDependency: 5,
  dependenciesCap: 10,
  perUptimePercentLost: 1,
  uptimeCap: 20,
  perFailedJob: 2,
  failedJobsCap: 10,
} as const;

const capped = (value: number, cap: number) => Math.min(cap, Math.max(0, value));

export function healthScore(inputs: HealthInputs): HealthScore {
  const p = healthPenalties;
  const penalties: HealthPenalty[] = [
    { factor: 'dbOk', points: inputs.dbOk ? 0 : p.dbDown },
    {
      factor: 'errorRate',
      points:
        inputs.errorRate === null
          ? 0
          : capped(Math.round(inputs.errorRate * 100 * p.perErrorRatePercent), p.errorRateCap),
    },
    { factor: 'slowEndpoints', points: capped(inputs.slowEndpoints * p.perSlowEndpoint, p.slowEndpointsCap) },
    { factor: 'repeatedErrors', points: capped(inputs.repeatedErrors * p.perRepeatedError, p.repeatedErrorsCap) },
    {
      factor: 'failingDependencies',
      points: capped(inputs.failingDependencies * p.perFailingDependency, p.dependenciesCap),
    },
    {
      factor: 'uptimePct',
      points:
        inputs.uptimePct === null
          ? 0
          : capped(Math.round((100 - inputs.uptimePct) * p.perUptimePercentLost), p.uptimeCap),
    },
    { factor: 'failedJobs', points: capped(inputs.failedJobs * p.perFailedJob, p.failedJobsCap) },
  ].filter((penalty): penalty is HealthPenalty => penalty.points > 0) as HealthPenalty[];
  const raw = 100 - penalties.reduce((sum, penalty) => sum + penalty.points, 0);
  const score = Number.isFinite(raw) ? Math.min(100, Math.max(0, Math.round(raw))) : 0;
  const grade = score >= 90 ? 'healthy' : score >= 70 ? 'fair' : score >= 50 ? 'degraded' : 'critical';
  return { score, grade, penalties };
}
