// The dashboard: the current workspace at a glance — the onboarding guide (first-run checklist and further steps, with
// advice on the next one) until it is hidden, the top workflow suggestions, live runs (the Living
// Canvas), today's runs, the 7-day success rate, failures and approvals that need someone, runs per day and p50/p95
// durations over 14 days (or an empty state saying how to get a first run).
import { getFormatter, getTranslations, setRequestLocale } from 'next-intl/server';
import { OnboardingGuide } from '@/components/ai/onboarding-guide';
import { SuggestionPanel } from '@/components/ai/suggestion-panel';
import { WorkflowCreatorPrompt } from '@/components/ai/workflow-creator-prompt';
import { DurationChart } from '@/components/dashboard/duration-chart';
import { LivingCanvas } from '@/components/dashboard/living-canvas';
import { RunsPerDayChart } from '@/components/dashboard/runs-per-day-chart';
import { StatCard } from '@/components/dashboard/stat-card';
import { formatDuration } from '@/components/runs/format-duration';
import { buttonClass } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { getDb } from '@/db';
import { listApiKeys } from '@/lib/api-keys/list-api-keys';
import { getOnboardingState } from '@/lib/ai/onboarding/get-onboarding-state';
import { listSuggestions } from '@/lib/ai/suggestions/list-suggestions';
import { requireSessionScope } from '@/lib/auth/require-session';
import type { Locale } from '@/lib/i18n/locales';
import { Link } from '@/lib/i18n/navigation';
import { pageTitle } from '@/lib/i18n/page-title';
import { getRunStats } from '@/lib/workflows/analytics/get-run-stats';
import { getWorkspace } from '@/lib/workspaces/get-workspace';
import { listMembers } from '@/lib/workspaces/list-members';

export const generateMetadata = pageTitle('nav', 'dashboard');

export default async function DashboardPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const scope = await requireSessionScope(locale, '/dashboard');
  const db = await getDb();
  const [t, td, format, workspace, members, keys, stats, onboarding, suggestions] = await Promise.all([
    getTranslations('app'),
    getTranslations('dashboard'),
    getFormatter(),
    getWorkspace(db, scope),
    listMembers(db, scope),
    listApiKeys(db, scope),
    getRunStats(db, scope, { days: 14 }),
    getOnboardingState(db, scope),
    listSuggestions(db, scope, { locale: locale as Locale, limit: 10 }),
  ]);
  const showChecklist = !onboarding.firstRun.dismissed;
  const hasRuns = stats.perDay.some((day) => day.total > 0);
  const cards = [
    { label: t('members'), value: members.length, href: '/settings/members' },
    { label: t('apiKeys'), value: keys.filter((key) => key.status === 'active').length, href: '/settings/api-keys' },
  ] as const;
  return (
    <div className="max-w-6xl">
      <p className="text-sm text-fg-subtle">{t(`role.${scope.role}`)}</p>
      <h1 className="mt-1 font-display text-3xl font-semibold" data-testid="dashboard-title">
        {t('welcomeTitle', { workspace: workspace.name })}
      </h1>
      <p className="mt-3 max-w-2xl text-fg-muted">{td('firstRun.ready')}</p>
      {showChecklist ? (
        <div className="mt-6">
          <OnboardingGuide state={onboarding} />
        </div>
      ) : null}
      <div className="mt-6">
        <WorkflowCreatorPrompt />
      </div>
      {suggestions.length > 0 ? (
        <div className="mt-6">
          <SuggestionPanel suggestions={suggestions} place="dashboard" />
        </div>
      ) : null}
      <div className="mt-8">
        <LivingCanvas />
      </div>
      <section aria-labelledby="dashboard-runs" className="mt-8">
        <div className="flex flex-wrap items-baseline justify-between gap-2">
          <h2 id="dashboard-runs" className="font-display text-xl font-semibold">
            {td('runsTitle')}
          </h2>
          <Link href="/workflows" className="text-sm text-brand-accent underline underline-offset-4">
            {td('toWorkflows')}
          </Link>
        </div>
        <ul className="mt-4 grid grid-cols-2 gap-3 sm:gap-4 lg:grid-cols-4">
          <li>
            <StatCard
              label={td('runsToday')}
              value={format.number(stats.runsToday)}
              href={`/runs?from=${stats.perDay.at(-1)?.day ?? ''}`}
              testId="stat-runs-today"
            />
          </li>
          <li>
            <StatCard
              label={td('successRate')}
              value={
                stats.successRate7d === null
                  ? '—'
                  : format.number(stats.successRate7d, { style: 'percent', maximumFractionDigits: 1 })
              }
              hint={td('successRateHint', { count: stats.finished7d })}
              testId="stat-success-rate"
            />
          </li>
          <li>
            <StatCard
              label={td('failures')}
              value={format.number(stats.failureQueue)}
              href="/failure-queue"
              tone={stats.failureQueue > 0 ? 'danger' : 'default'}
              hint={td('failuresHint')}
              testId="stat-failures"
            />
          </li>
          <li>
            <StatCard
              label={td('approvals')}
              value={format.number(stats.approvalsWaiting)}
              href="/approvals"
              tone={stats.approvalsWaiting > 0 ? 'warning' : 'default'}
              hint={td('approvalsHint')}
              testId="stat-approvals"
            />
          </li>
        </ul>
        <p className="mt-3 text-sm text-fg-muted">
          {td('durations', { p50: formatDuration(stats.p50Ms7d), p95: formatDuration(stats.p95Ms7d) })}
        </p>
        {hasRuns ? (
          <div className="mt-6 grid gap-6 xl:grid-cols-2">
            <RunsPerDayChart days={stats.perDay} />
            <DurationChart days={stats.perDay} />
          </div>
        ) : (
          <div className="mt-6">
            <EmptyState
              title={td('firstRun.noRunsTitle')}
              testId="dashboard-runs-empty"
              action={
                <Link href="/workflows" className={buttonClass({ variant: 'primary' })}>
                  {td('toWorkflows')}
                </Link>
              }
            >
              {td('firstRun.noRunsBody')}
            </EmptyState>
          </div>
        )}
      </section>
      <section aria-labelledby="dashboard-workspace" className="mt-10">
        <h2 id="dashboard-workspace" className="font-display text-xl font-semibold">
          {td('workspaceTitle')}
        </h2>
        <ul className="mt-4 grid gap-4 sm:grid-cols-2">
          {cards.map((card) => (
            <li key={card.href}>
              <StatCard label={card.label} value={card.value} href={card.href} />
            </li>
          ))}
        </ul>
        <p className="mt-3 text-sm text-fg-muted" data-testid="dashboard-secondary">
          {td('firstRun.secondary')}{' '}
          <Link href="/settings/api-keys" className="text-brand-accent underline underline-offset-4">
            {t('apiKeys')}
          </Link>
          {' · '}
          <Link href="/settings/members" className="text-brand-accent underline underline-offset-4">
            {t('members')}
          </Link>
        </p>
      </section>
    </div>
  );
}
