// The upgrade plans: filters by status and category (a plain GET form), the rebuild button, and each plan.
import { getFormatter, getTranslations } from 'next-intl/server';
import type { UpgradePlanDto } from '@/lib/guardian/upgrade/plan-dto';
import { AdminSection } from './admin-section';
import { RebuildPlansButton } from './rebuild-plans-button';
import { StatusBadge, toneOf } from './status-badge';
import { buttonClass } from '@/components/ui/button';

type Props = {
  plans: UpgradePlanDto[];
  filters: { status?: string; category?: string };
  statuses: readonly string[];
  categories: readonly string[];
};

const selectClass = 'mt-1 block rounded-lg border border-border-strong bg-surface px-3 py-2 text-sm text-fg';

export async function UpgradePlansView({ plans, filters, statuses, categories }: Props) {
  const [t, format] = await Promise.all([getTranslations('admin'), getFormatter()]);
  const title = (plan: UpgradePlanDto) => {
    const meta = plan.metadata as { code?: string; params?: Record<string, string | number> };
    return meta.code && t.has(`suggestions.${meta.code}`)
      ? t(`suggestions.${meta.code}` as 'suggestions.all_clear', meta.params ?? {})
      : plan.title;
  };
  return (
    <AdminSection id="plans" title={t('plans.title')} description={t('plans.intro')} actions={<RebuildPlansButton />}>
      <form method="get" className="flex flex-wrap items-end gap-4">
        <label className="text-sm font-medium">
          {t('plans.filterStatus')}
          <select name="status" defaultValue={filters.status ?? ''} className={selectClass}>
            <option value="">{t('plans.any')}</option>
            {statuses.map((status) => (
              <option key={status} value={status}>
                {t(`plans.status.${status}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="text-sm font-medium">
          {t('plans.filterCategory')}
          <select name="category" defaultValue={filters.category ?? ''} className={selectClass}>
            <option value="">{t('plans.any')}</option>
            {categories.map((category) => (
              <option key={category} value={category}>
                {t(`plans.category.${category}`)}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className={buttonClass({ size: 'sm' })}>
          {t('common.apply')}
        </button>
      </form>
      {plans.length === 0 ? (
        <p className="mt-6 text-sm text-fg-subtle">{t('plans.empty')}</p>
      ) : (
        <ul className="mt-6 space-y-3">
          {plans.map((plan) => (
            <li key={plan.id} className="rounded-card border border-border p-4" data-testid="upgrade-plan">
              <div className="flex flex-wrap items-center gap-2">
                <span className="rounded-md bg-surface-raised px-2 py-0.5 text-xs font-semibold tabular-nums">
                  {t('plans.priority', { priority: plan.priority })}
                </span>
                <StatusBadge tone={plan.status === 'open' ? 'info' : toneOf(plan.status)}>
                  {t(`plans.status.${plan.status}`)}
                </StatusBadge>
                <span className="text-xs text-fg-muted">
                  {t(`plans.category.${plan.category}`)} ·{' '}
                  {t('plans.risk', { risk: t(`healing.riskLevel.${plan.risk}`) })}
                </span>
              </div>
              <h3 className="mt-2 font-medium">{title(plan)}</h3>
              <p className="mt-1 text-sm text-fg-muted" lang="en">
                {plan.description}
              </p>
              <p className="mt-2 text-xs text-fg-subtle">
                {t('plans.lastSeen', {
                  time: format.dateTime(new Date(plan.last_seen_at), { dateStyle: 'medium', timeStyle: 'short' }),
                })}
              </p>
            </li>
          ))}
        </ul>
      )}
    </AdminSection>
  );
}
