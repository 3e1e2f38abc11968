// The healing plan: each check with its status and the suggested actions, none of which is applied automatically.
import { getFormatter, getTranslations } from 'next-intl/server';
import type { HealingCheck, HealingPlan } from '@/lib/guardian/healing-plan';
import { StatusBadge, toneOf } from './status-badge';

async function checkSummary(check: HealingCheck): Promise<string> {
  const t = await getTranslations('admin.healing');
  const format = await getFormatter();
  const details = check.details as {
    latency_ms?: number | null;
    error_rate_pct?: number | null;
    endpoints?: unknown[];
    errors?: unknown[];
  };
  switch (check.id) {
    case 'database':
    case 'stripe':
    case 'ai':
      if (check.status === 'not_configured') return t('summary.notConfigured');
      if (check.status === 'ok')
        return t('summary.answers', { ms: format.number(details.latency_ms ?? 0, { maximumFractionDigits: 1 }) });
      return t('summary.noAnswer');
    case 'error_rate':
      return details.error_rate_pct === null || details.error_rate_pct === undefined
        ? t('summary.tooFewRequests')
        : t('summary.errorRate', { pct: details.error_rate_pct });
    case 'slow_endpoints':
      return t('summary.slowEndpoints', { count: details.endpoints?.length ?? 0 });
    default:
      return t('summary.repeatedErrors', { count: details.errors?.length ?? 0 });
  }
}

export async function HealingPlanView({ plan }: { plan: HealingPlan }) {
  const t = await getTranslations('admin.healing');
  const summaries = await Promise.all(plan.checks.map(checkSummary));
  return (
    <div>
      <p
        className="rounded-lg border border-border bg-surface-raised px-4 py-3 text-sm text-fg-muted"
        data-testid="healing-mode"
      >
        {t('dryRun')} {plan.launch_stage.approvalsRequired ? t('preLaunch') : null}
      </p>
      <ul className="mt-4 divide-y divide-border rounded-card border border-border">
        {plan.checks.map((check, index) => (
          <li key={check.id} className="px-4 py-3 text-sm" data-testid="healing-check" data-check={check.id}>
            <div className="flex flex-wrap items-center gap-3">
              <span className="font-medium">{t(`checks.${check.id}`)}</span>
              <StatusBadge tone={check.status === 'not_configured' ? 'muted' : toneOf(check.status)}>
                {t(`status.${check.status}`)}
              </StatusBadge>
              {check.status === 'not_configured' ? null : <span className="text-fg-muted">{summaries[index]}</span>}
            </div>
            {check.actions.length > 0 ? (
              <ul className="mt-2 space-y-1 ps-4">
                {check.actions.map((action) => (
                  <li key={`${action.code}:${action.target ?? ''}`} className="flex flex-wrap gap-2 text-fg-muted">
                    <span aria-hidden="true">→</span>
                    <span>
                      {t.has(`actions.${action.code}`)
                        ? t(`actions.${action.code}` as 'actions.pause_runs')
                        : action.description}
                    </span>
                    {action.target ? (
                      <code className="break-all rounded bg-surface-sunken px-1.5 font-mono text-xs" dir="ltr">
                        {action.target}
                      </code>
                    ) : null}
                    <span className="text-xs text-fg-subtle">
                      ({t('risk', { risk: t(`riskLevel.${action.risk}`) })} · {t('manual')})
                    </span>
                  </li>
                ))}
              </ul>
            ) : null}
          </li>
        ))}
      </ul>
    </div>
  );
}
