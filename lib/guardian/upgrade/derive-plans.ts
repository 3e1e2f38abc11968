// Derives upgrade plan candidates from anomalies, healing checks and sign-in failures. Pure; plans are designs only.
import type { UpgradePlanCategory, UpgradePlanRisk } from '@/db/types-guardian';
import type { Anomaly } from '../anomaly-rules';
import type { HealingCheck } from '../healing-plan';

export type PlanCandidate = {
  fingerprint: string;
  title: string;
  description: string;
  priority: 1 | 2 | 3 | 4 | 5;
  category: UpgradePlanCategory;
  risk: UpgradePlanRisk;
  source: 'anomaly' | 'healing' | 'audit';
  /** `code` and `params` let the admin pages show the title in the reader's language. */
  metadata: { code: string; params: Record<string, string | number>; evidence: Record<string, unknown> };
};

export const FAILED_SIGN_IN_THRESHOLD = 20;

function fromAnomaly(anomaly: Anomaly): PlanCandidate {
  const critical = anomaly.severity === 'critical';
  const d = anomaly.details;
  const base = { fingerprint: `anomaly:${anomaly.fingerprint}`, source: 'anomaly' as const };
  switch (anomaly.kind) {
    case 'slow_endpoint':
      return {
        ...base,
        title: `Speed up ${d.route}`,
        description: `${d.route} averaged ${d.mean_ms} ms (p95 ${d.p95_ms} ms) over ${d.requests} requests. Profile the handler; add an index, cache the result or move the work to a background job.`,
        priority: critical ? 1 : 2,
        category: 'performance',
        risk: 'medium',
        metadata: { code: 'speed_up_endpoint', params: { route: String(d.route) }, evidence: d },
      };
    case 'repeated_error':
      return {
        ...base,
        title: `Fix the repeated error ${d.name}`,
        description: `"${d.message}" was recorded ${d.count} times. Find where it is raised and fix or handle the cause.`,
        priority: critical ? 1 : 2,
        category: 'reliability',
        risk: 'low',
        metadata: { code: 'fix_repeated_error', params: { message: String(d.message).slice(0, 120) }, evidence: d },
      };
    case 'high_error_rate':
      return {
        ...base,
        title: 'Reduce the API error rate',
        description: `${d.error_rate_pct} % of API requests failed (${d.failed} of ${d.requests}). Start with the endpoints with the most server errors.`,
        priority: 1,
        category: 'reliability',
        risk: 'high',
        metadata: { code: 'reduce_error_rate', params: { pct: Number(d.error_rate_pct) }, evidence: d },
      };
    case 'error_spike':
      return {
        ...base,
        title: 'Find the cause of the error spike',
        description: `${d.latest} errors in 5 minutes against a normal ${d.mean} ± ${d.stdev}. Compare with the last deploy and provider incidents.`,
        priority: 2,
        category: 'reliability',
        risk: 'medium',
        metadata: { code: 'investigate_error_spike', params: {}, evidence: d },
      };
    case 'latency_spike':
      return {
        ...base,
        title: 'Find the cause of the latency spike',
        description: `API latency reached ${d.latest} ms against a normal ${d.mean} ms. Check slow queries and external providers.`,
        priority: 3,
        category: 'performance',
        risk: 'medium',
        metadata: { code: 'investigate_latency_spike', params: {}, evidence: d },
      };
    case 'job_failures':
      return {
        ...base,
        title: `Fix the scheduled job ${d.job}`,
        description: `${d.job} failed ${d.failures} times after retries. Last error: ${d.last_error ?? 'unknown'}.`,
        priority: critical ? 1 : 2,
        category: 'reliability',
        risk: 'low',
        metadata: { code: 'fix_failing_job', params: { job: String(d.job) }, evidence: d },
      };
    case 'ai_spike':
      return {
        ...base,
        title: `Review the AI spike of ${d.workspace}`,
        description: `${d.workspace} made ${d.calls} model calls in a minute against a normal ${d.normal} and was throttled for 15 minutes. Check whether it is a script or a loop; set its own calls per minute on the Power panel.`,
        priority: 2,
        category: 'security',
        risk: 'low',
        metadata: { code: 'review_ai_spike', params: { workspace: String(d.workspace) }, evidence: d },
      };
    default:
      return {
        ...base,
        title: 'Restore the heartbeat',
        description: `${anomaly.title}. Check that the scheduler (Inngest, or the embedded scheduler) runs and that the database answers.`,
        priority: 1,
        category: 'reliability',
        risk: 'medium',
        metadata: { code: 'restore_heartbeat', params: {}, evidence: d },
      };
  }
}

function fromCheck(check: HealingCheck): PlanCandidate | null {
  const base = { fingerprint: `healing:${check.id}:${check.status}`, source: 'healing' as const };
  const evidence = { summary: check.summary, ...check.details };
  if (check.id === 'database' && check.status === 'critical') {
    return {
      ...base,
      title: 'Restore the database connection',
      description: `${check.summary}. Check DATABASE_URL, connection limits and the provider's status.`,
      priority: 1,
      category: 'reliability',
      risk: 'high',
      metadata: { code: 'restore_database', params: {}, evidence },
    };
  }
  if (check.id === 'stripe' && check.status === 'not_configured') {
    return {
      ...base,
      title: 'Configure Stripe billing',
      description: 'Checkout is refused until STRIPE_SECRET_KEY and STRIPE_WEBHOOK_SECRET are set.',
      priority: 3,
      category: 'pricing',
      risk: 'low',
      metadata: { code: 'configure_stripe', params: {}, evidence },
    };
  }
  if (check.id === 'stripe' && check.status === 'warning') {
    return {
      ...base,
      title: 'Restore the Stripe connection',
      description: `${check.summary}. Payments and webhooks may fail until it answers.`,
      priority: 1,
      category: 'pricing',
      risk: 'medium',
      metadata: { code: 'restore_stripe', params: {}, evidence },
    };
  }
  if (check.id === 'ai' && check.status === 'not_configured') {
    return {
      ...base,
      title: 'Configure the AI provider',
      description: 'AI features answer with deterministic fallbacks until OPENAI_API_KEY is set.',
      priority: 4,
      category: 'ux',
      risk: 'low',
      metadata: { code: 'configure_ai', params: {}, evidence },
    };
  }
  if (check.id === 'ai' && check.status === 'warning') {
    return {
      ...base,
      title: 'Restore the AI provider',
      description: `${check.summary}. AI features use their fallbacks meanwhile.`,
      priority: 2,
      category: 'reliability',
      risk: 'low',
      metadata: { code: 'restore_ai', params: {}, evidence },
    };
  }
  return null;
}

export function derivePlans({
  anomalies,
  checks,
  failedSignIns,
}: {
  anomalies: readonly Anomaly[];
  checks: readonly HealingCheck[];
  failedSignIns: number;
}): PlanCandidate[] {
  const candidates = [
    ...anomalies.map(fromAnomaly),
    ...checks.map(fromCheck).filter((plan): plan is PlanCandidate => plan !== null),
  ];
  if (failedSignIns >= FAILED_SIGN_IN_THRESHOLD) {
    candidates.push({
      fingerprint: 'audit:failed_sign_ins',
      title: 'Harden sign-in against guessing',
      description: `${failedSignIns} failed sign-ins in 24 hours. Review the sources in the audit log; consider stricter limits or a second factor for operators.`,
      priority: 2,
      category: 'security',
      risk: 'low',
      source: 'audit',
      metadata: {
        code: 'harden_sign_in',
        params: { count: failedSignIns },
        evidence: { failed_sign_ins: failedSignIns },
      },
    });
  }
  return [...new Map(candidates.map((plan) => [plan.fingerprint, plan])).values()];
}
