// Admin → Guardian: health score, anomalies, the daily report, the healing plan (dry run) and the upgrade plans.
import { getFormatter, getTranslations, setRequestLocale } from 'next-intl/server';
import { AdminSection } from '@/components/admin/admin-section';
import { AnomalyList } from '@/components/admin/anomaly-list';
import { HealingPlanView } from '@/components/admin/healing-plan-view';
import { UpgradePlansView } from '@/components/admin/upgrade-plans-view';
import { StatCard } from '@/components/admin/stat-card';
import { StatusBadge, toneOf } from '@/components/admin/status-badge';
import { getDb } from '@/db';
import { upgradePlanCategories, upgradePlanStatuses } from '@/db/types-guardian';
import { requireAdminPage } from '@/lib/admin/require-admin';
import { buildDailyReport } from '@/lib/guardian/daily-report';
import { findAnomalies } from '@/lib/guardian/find-anomalies';
import { buildHealingPlan } from '@/lib/guardian/healing-plan';
import { listPlansQuerySchema, listUpgradePlans } from '@/lib/guardian/upgrade/list-plans';
import { pageTitle } from '@/lib/i18n/page-title';

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<Record<string, string | undefined>> };

export const generateMetadata = pageTitle('admin', 'guardian.title');

export default async function GuardianPage({ params, searchParams }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  await requireAdminPage(locale, '/admin/guardian');
  const filters = listPlansQuerySchema.safeParse(await searchParams);
  const query = filters.success ? filters.data : { limit: 50 };
  const db = await getDb();
  const [t, format, report, lastHour, healing, plans] = await Promise.all([
    getTranslations('admin'),
    getFormatter(),
    buildDailyReport(db),
    findAnomalies(db, { windowMinutes: 60 }),
    buildHealingPlan(db),
    listUpgradePlans(db, query),
  ]);
  const num = (value: number) => format.number(value);
  const pct = (value: number | null) =>
    value === null ? (
      <span className="text-base font-normal text-fg-muted">{t('common.notYet')}</span>
    ) : (
      format.number(value / 100, { style: 'percent', maximumFractionDigits: 2 })
    );
  return (
    <div className="max-w-6xl">
      <h1 className="font-display text-3xl font-semibold">{t('guardian.title')}</h1>
      <p className="mt-2 max-w-3xl text-fg-muted">{t('guardian.intro')}</p>

      <dl className="mt-8 grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        <StatCard
          label={t('guardian.healthScore')}
          value={<span data-testid="health-score">{report.health.score}</span>}
          note={
            <StatusBadge tone={toneOf(report.health.grade)}>{t(`guardian.grade.${report.health.grade}`)}</StatusBadge>
          }
        />
        <StatCard
          label={t('guardian.requests24h')}
          value={num(report.summary.requests)}
          note={t('guardian.serverErrors', { count: report.summary.server_errors })}
        />
        <StatCard
          label={t('guardian.errorRate24h')}
          value={pct(report.summary.error_rate_pct)}
          note={t('guardian.errorsRecorded', { count: report.summary.error_count })}
        />
        <StatCard label={t('health.uptime24h')} value={pct(report.summary.uptime_pct)} />
      </dl>
      {report.health.penalties.length > 0 ? (
        <div className="mt-4 text-sm text-fg-muted">
          <p>{t('guardian.penaltiesTitle')}</p>
          <ul className="mt-1 list-inside list-disc">
            {report.health.penalties.map((penalty) => (
              <li key={penalty.factor}>
                {t('guardian.penalty', { factor: t(`guardian.factors.${penalty.factor}`), points: penalty.points })}
              </li>
            ))}
          </ul>
        </div>
      ) : null}

      <AdminSection id="anomalies" title={t('anomalies.title')} description={t('anomalies.intro')}>
        <AnomalyList anomalies={lastHour.anomalies} emptyText={t('anomalies.none')} />
      </AdminSection>

      <AdminSection id="report" title={t('report.title')} description={t('report.intro')}>
        <h3 className="text-base font-semibold">{t('report.suggestions')}</h3>
        <ul className="mt-2 list-inside list-disc space-y-1 text-sm" data-testid="suggestions">
          {report.suggestions.map((suggestion) => (
            <li key={`${suggestion.code}:${JSON.stringify(suggestion.params)}`}>
              {t.has(`suggestions.${suggestion.code}`)
                ? t(`suggestions.${suggestion.code}` as 'suggestions.all_clear', suggestion.params)
                : suggestion.message}
            </li>
          ))}
        </ul>
        <div className="mt-6 grid gap-6 lg:grid-cols-3">
          <div>
            <h3 className="text-base font-semibold">{t('report.topErrors')}</h3>
            {report.top_errors.length === 0 ? (
              <p className="mt-2 text-sm text-fg-subtle">{t('report.noErrors')}</p>
            ) : (
              <ol className="mt-2 space-y-2 text-sm">
                {report.top_errors.map((error) => (
                  <li key={`${error.name}:${error.message}`} className="rounded-lg border border-border p-3">
                    <span className="font-mono text-xs text-fg-subtle" dir="ltr">
                      {error.name}
                    </span>
                    <span className="ms-2 tabular-nums text-danger">×{error.count}</span>
                    <p className="mt-1 break-words" lang="en" dir="ltr">
                      {error.message}
                    </p>
                  </li>
                ))}
              </ol>
            )}
          </div>
          <div>
            <h3 className="text-base font-semibold">{t('report.topEvents')}</h3>
            {report.top_events.length === 0 ? (
              <p className="mt-2 text-sm text-fg-subtle">{t('report.noEvents')}</p>
            ) : (
              <ol className="mt-2 space-y-1 text-sm">
                {report.top_events.map((event) => (
                  <li key={event.name} className="flex justify-between gap-3">
                    <span className="font-mono text-xs" dir="ltr">
                      {event.name}
                    </span>
                    <span className="tabular-nums">{num(event.count)}</span>
                  </li>
                ))}
              </ol>
            )}
          </div>
          <div>
            <h3 className="text-base font-semibold">{t('report.slowest')}</h3>
            {report.slow_endpoints.length === 0 ? (
              <p className="mt-2 text-sm text-fg-subtle">{t('report.noTraffic')}</p>
            ) : (
              <ol className="mt-2 space-y-1 text-sm">
                {report.slow_endpoints.map((endpoint) => (
                  <li key={`${endpoint.method} ${endpoint.path}`} className="flex justify-between gap-3">
                    <span className="truncate font-mono text-xs" dir="ltr">
                      {endpoint.method} {endpoint.path}
                    </span>
                    <span className="whitespace-nowrap tabular-nums">
                      {t('report.meanMs', { ms: Math.round(endpoint.meanMs) })}
                    </span>
                  </li>
                ))}
              </ol>
            )}
          </div>
        </div>
      </AdminSection>

      <AdminSection id="healing" title={t('healing.title')} description={t('healing.intro')}>
        <HealingPlanView plan={healing} />
      </AdminSection>

      <UpgradePlansView
        plans={plans}
        filters={{
          status: filters.success ? filters.data.status : undefined,
          category: filters.success ? filters.data.category : undefined,
        }}
        statuses={upgradePlanStatuses}
        categories={upgradePlanCategories}
      />
    </div>
  );
}
