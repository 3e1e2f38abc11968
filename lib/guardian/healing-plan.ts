import 'server-only';
// The healing plan: checks of the database, Stripe, the AI provider, the error rate, slow endpoints and repeated
// errors, each with suggested actions. Suggestions only: nothing here is ever applied automatically.
import type { Db } from '@/db/client';
import { getLaunchStage, type LaunchStage } from '@/lib/admin/launch-stage';
import { type Env, getEnv } from '@/lib/env';
import { checkAi, checkDatabase, checkStripe, type CheckResult } from '@/lib/system/checks';
import { repeatedErrors, slowEndpoints, thresholds } from './anomaly-rules';
import { emptyWindow, lastMinutes, loadTelemetryWindow, type TelemetryWindow } from './telemetry-window';

export type CheckStatus = 'ok' | 'warning' | 'critical' | 'not_configured';
export type HealingCheckId = 'database' | 'stripe' | 'ai' | 'error_rate' | 'slow_endpoints' | 'repeated_errors';

export type HealingAction = {
  code: string;
  description: string;
  target: string | null;
  risk: 'low' | 'medium' | 'high';
  auto_applicable: false;
};

export type HealingCheck = {
  id: HealingCheckId;
  status: CheckStatus;
  summary: string;
  details: Record<string, unknown>;
  actions: HealingAction[];
};

export type HealingPlan = {
  generated_at: string;
  mode: 'dry_run';
  launch_stage: LaunchStage;
  status: CheckStatus;
  checks: HealingCheck[];
  actions: HealingAction[];
};

const action = (
  code: string,
  description: string,
  risk: HealingAction['risk'],
  target: string | null = null,
): HealingAction => ({ code, description, target, risk, auto_applicable: false });

function dependencyCheck(id: 'stripe' | 'ai', result: CheckResult): HealingCheck {
  const name = id === 'stripe' ? 'Stripe' : 'The AI provider';
  if (result.ok === 'not_configured') {
    return {
      id,
      status: 'not_configured',
      summary: `${name} is not configured`,
      details: {},
      actions: [
        action(
          `configure_${id}`,
          id === 'stripe'
            ? 'Set STRIPE_SECRET_KEY and STRIPE_WEBHOOK_SECRET to take payments'
            : 'Set OPENAI_API_KEY to replace the deterministic fallbacks',
          'low',
        ),
      ],
    };
  }
  if (result.ok)
    return { id, status: 'ok', summary: `${name} answers`, details: { latency_ms: result.latency_ms }, actions: [] };
  return {
    id,
    status: 'warning',
    summary: `${name} does not answer (${result.error ?? 'error'})`,
    details: { latency_ms: result.latency_ms, error: result.error ?? null },
    actions: [
      action(
        `verify_${id}_key`,
        `Check the ${id === 'stripe' ? 'Stripe' : 'OpenAI'} key and the provider's status page`,
        'low',
      ),
      ...(id === 'ai'
        ? [
            action(
              'disable_ai',
              'Turn off the ai.enabled flag so every AI feature uses its fallback until the provider recovers',
              'low',
              'ai.enabled',
            ),
          ]
        : []),
    ],
  };
}

/** Pure: turns check results and a telemetry window into the plan's checks. */
export function healingChecks(
  results: { db: CheckResult; stripe: CheckResult; ai: CheckResult },
  window: TelemetryWindow,
): HealingCheck[] {
  const database: HealingCheck =
    results.db.ok === true
      ? {
          id: 'database',
          status: 'ok',
          summary: 'The database answers',
          details: { latency_ms: results.db.latency_ms },
          actions: [],
        }
      : {
          id: 'database',
          status: 'critical',
          summary: `The database does not answer (${results.db.error ?? 'error'})`,
          details: { error: results.db.error ?? null },
          actions: [
            action(
              'check_database_connection',
              'Check DATABASE_URL, the connection limit and the provider status',
              'low',
            ),
            action(
              'pause_runs',
              'Turn off workflows.runs_enabled so no run starts while the database is unreachable',
              'medium',
              'workflows.runs_enabled',
            ),
          ],
        };

  const rate = window.errorRate;
  const ratePct = rate === null ? null : Math.round(rate * 1000) / 10;
  const failing = window.endpoints.filter((endpoint) => endpoint.serverErrors > 0).slice(0, 3);
  const errorRate: HealingCheck =
    rate === null || rate <= thresholds.errorRate
      ? {
          id: 'error_rate',
          status: 'ok',
          summary: rate === null ? 'Too few requests to judge the error rate' : `${ratePct} % of requests failed`,
          details: { error_rate_pct: ratePct, requests: window.requests },
          actions: [],
        }
      : {
          id: 'error_rate',
          status: rate > thresholds.errorRateCritical ? 'critical' : 'warning',
          summary: `${ratePct} % of requests failed`,
          details: { error_rate_pct: ratePct, requests: window.requests, failed: window.serverErrors },
          actions: [
            ...failing.map((endpoint) =>
              action(
                'investigate_endpoint',
                'Read the errors of this endpoint in the logs and fix the cause',
                'low',
                `${endpoint.method} ${endpoint.path}`.trim(),
              ),
            ),
            ...(rate > thresholds.errorRateCritical
              ? [
                  action(
                    'pause_runs',
                    'Consider turning off workflows.runs_enabled until the cause is fixed',
                    'medium',
                    'workflows.runs_enabled',
                  ),
                ]
              : []),
          ],
        };

  const slow = slowEndpoints(window.endpoints);
  const slowCheck: HealingCheck = {
    id: 'slow_endpoints',
    status: slow.length === 0 ? 'ok' : slow.some((a) => a.severity === 'critical') ? 'critical' : 'warning',
    summary:
      slow.length === 0 ? 'No endpoint averages over 2000 ms' : `${slow.length} endpoint(s) average over 2000 ms`,
    details: { endpoints: slow.map((a) => a.details) },
    actions: slow.map((a) =>
      action(
        'profile_endpoint',
        'Profile this endpoint: add an index, cache the result or move the work to a background job',
        'medium',
        String(a.details.route),
      ),
    ),
  };

  const repeated = repeatedErrors(window.errors);
  const repeatedCheck: HealingCheck = {
    id: 'repeated_errors',
    status: repeated.length === 0 ? 'ok' : repeated.some((a) => a.severity === 'critical') ? 'critical' : 'warning',
    summary: repeated.length === 0 ? 'No error repeats 3 times or more' : `${repeated.length} error(s) repeat`,
    details: { errors: repeated.map((a) => a.details) },
    actions: repeated.map((a) =>
      action(
        'fix_repeated_error',
        'Find where this error is raised and fix or handle it',
        'low',
        String(a.details.message),
      ),
    ),
  };

  return [
    database,
    dependencyCheck('stripe', results.stripe),
    dependencyCheck('ai', results.ai),
    errorRate,
    slowCheck,
    repeatedCheck,
  ];
}

const worst = (checks: HealingCheck[]): CheckStatus =>
  checks.some((c) => c.status === 'critical')
    ? 'critical'
    : checks.some((c) => c.status === 'warning')
      ? 'warning'
      : 'ok';

export async function buildHealingPlan(
  db: Db,
  { env = getEnv(), now = new Date(), fetchImpl }: { env?: Env; now?: Date; fetchImpl?: typeof fetch } = {},
): Promise<HealingPlan> {
  const [dbCheck, stripe, ai] = await Promise.all([
    checkDatabase(db),
    checkStripe(env, fetchImpl),
    checkAi(env, fetchImpl),
  ]);
  const span = lastMinutes(60, now);
  const window = dbCheck.ok === true ? await loadTelemetryWindow(db, span) : emptyWindow(span);
  const checks = healingChecks({ db: dbCheck, stripe, ai }, window);
  return {
    generated_at: now.toISOString(),
    mode: 'dry_run',
    launch_stage: getLaunchStage(env),
    status: worst(checks),
    checks,
    actions: checks.flatMap((check) => check.actions),
  };
}
