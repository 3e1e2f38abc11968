// Usage: this month's metered workflow runs, API calls and AI credits, AI answers and spend today against the daily
// budget, the last six months, and the credit history.
import { getFormatter, getTranslations, setRequestLocale } from 'next-intl/server';
import { Time } from '@/components/ui/time';
import { getDb } from '@/db';
import { getWorkspaceAiUsage } from '@/lib/ai/usage/get-workspace-ai-usage';
import { requireSessionScope } from '@/lib/auth/require-session';
import { getBillingSummary } from '@/lib/billing/get-billing-summary';
import { Link } from '@/lib/i18n/navigation';
import { pageTitle } from '@/lib/i18n/page-title';

export const generateMetadata = pageTitle('billing', 'usage.title');

export default async function UsagePage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const scope = await requireSessionScope(locale, '/billing/usage');
  const db = await getDb();
  const [t, format, summary, ai] = await Promise.all([
    getTranslations('billing'),
    getFormatter(),
    getBillingSummary(db, scope),
    getWorkspaceAiUsage(db, scope),
  ]);
  const money = (cents: number) =>
    format.number(cents / 100, { style: 'currency', currency: 'GBP', maximumFractionDigits: cents < 100 ? 4 : 2 });
  const aiCards = [
    { key: 'modelAnswers', value: format.number(ai.modelAnswers), note: null },
    { key: 'builtInAnswers', value: format.number(ai.fallbackAnswers), note: null },
    { key: 'spend', value: money(ai.spentCents), note: t('ai.spendOf', { budget: money(ai.dailyBudgetCents) }) },
    { key: 'creditsLeft', value: format.number(summary.credits.available), note: t('ai.creditsHint') },
  ] as const;
  const month = (period: string) =>
    format.dateTime(new Date(`${period}-01T00:00:00Z`), { year: 'numeric', month: 'long', timeZone: 'UTC' });
  const cards = [
    { key: 'runs', value: summary.thisMonth.workflow_runs, of: summary.entitlements.limits.runs_per_month },
    { key: 'apiCalls', value: summary.thisMonth.api_calls, of: null },
    { key: 'aiCredits', value: summary.thisMonth.ai_credits, of: null },
  ] as const;

  return (
    <div className="max-w-4xl">
      <p className="text-sm">
        <Link href="/billing" className="text-fg-muted hover:text-fg">
          {t('title')}
        </Link>
      </p>
      <h1 className="mt-1 font-display text-3xl font-semibold">{t('usage.title')}</h1>
      <p className="mt-2 text-sm text-fg-muted">{t('usage.intro')}</p>
      <ul className="mt-6 grid gap-4 sm:grid-cols-3">
        {cards.map((card) => (
          <li
            key={card.key}
            className="rounded-card border border-border bg-surface-raised p-5"
            data-testid={`usage-${card.key}`}
          >
            <span className="text-sm text-fg-muted">{t(`usage.${card.key}`)}</span>
            <span className="mt-2 block font-display text-3xl font-semibold">{format.number(card.value)}</span>
            {card.of !== null ? (
              <span className="text-xs text-fg-subtle">{t('usedOf', { used: card.value, allowed: card.of })}</span>
            ) : null}
          </li>
        ))}
      </ul>

      <section aria-labelledby="ai-today-title" className="mt-10" data-testid="usage-ai">
        <h2 id="ai-today-title" className="text-lg font-semibold">
          {t('ai.title')}
        </h2>
        <p className="mt-1 text-sm text-fg-muted">{t('ai.intro')}</p>
        {ai.throttledUntil ? (
          <p role="status" className="mt-3 text-sm text-warning" data-testid="usage-ai-paused">
            {t('ai.paused', { time: format.dateTime(ai.throttledUntil, { timeStyle: 'short' }) })}
          </p>
        ) : ai.spentCents >= ai.dailyBudgetCents ? (
          <p role="status" className="mt-3 text-sm text-warning" data-testid="usage-ai-budget-reached">
            {t('ai.budgetReached')}
          </p>
        ) : null}
        <ul className="mt-4 grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
          {aiCards.map((card) => (
            <li
              key={card.key}
              className="rounded-card border border-border bg-surface-raised p-5"
              data-testid={`usage-ai-${card.key}`}
            >
              <span className="text-sm text-fg-muted">{t(`ai.${card.key}`)}</span>
              <span className="mt-2 block font-display text-2xl font-semibold tabular-nums">{card.value}</span>
              {card.note ? <span className="text-xs text-fg-subtle">{card.note}</span> : null}
            </li>
          ))}
        </ul>
      </section>

      <div className="mt-10 overflow-x-auto rounded-card border border-border">
        <table className="w-full text-sm">
          <thead className="bg-surface-sunken text-start text-fg-muted">
            <tr>
              <th scope="col" className="px-4 py-2 text-start font-medium">
                {t('usage.month')}
              </th>
              <th scope="col" className="px-4 py-2 text-end font-medium">
                {t('usage.runs')}
              </th>
              <th scope="col" className="px-4 py-2 text-end font-medium">
                {t('usage.apiCalls')}
              </th>
              <th scope="col" className="px-4 py-2 text-end font-medium">
                {t('usage.aiCredits')}
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-border">
            {summary.history.map((row) => (
              <tr key={row.period}>
                <th scope="row" className="px-4 py-2 text-start font-normal">
                  {month(row.period)}
                </th>
                <td className="px-4 py-2 text-end tabular-nums">{format.number(row.workflow_runs)}</td>
                <td className="px-4 py-2 text-end tabular-nums">{format.number(row.api_calls)}</td>
                <td className="px-4 py-2 text-end tabular-nums">{format.number(row.ai_credits)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <h2 className="mt-10 text-lg font-semibold">{t('usage.ledgerTitle')}</h2>
      {summary.credits.recent.length === 0 ? (
        <p className="mt-3 text-sm text-fg-subtle">{t('usage.ledgerEmpty')}</p>
      ) : (
        <ul className="mt-3 divide-y divide-border rounded-card border border-border">
          {summary.credits.recent.map((entry, i) => (
            <li key={i} className="flex flex-wrap justify-between gap-2 px-4 py-3 text-sm" data-testid="ledger-row">
              <span>
                {t(`usage.kind.${entry.kind as 'grant' | 'spend' | 'clawback'}`)} ·{' '}
                <span className="text-fg-muted">{entry.reason}</span>
              </span>
              <span className="tabular-nums text-fg-muted">
                {entry.delta > 0 ? '+' : ''}
                {format.number(entry.delta)} → {format.number(entry.balanceAfter)} · <Time value={entry.createdAt} />
              </span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
