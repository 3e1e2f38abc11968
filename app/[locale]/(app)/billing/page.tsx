// Billing: the workspace's plan and its status, limits against usage, AI credits, purchases, and the portal link.
import { getFormatter, getTranslations, setRequestLocale } from 'next-intl/server';
import { PortalButton } from '@/components/billing/portal-button';
import { priceLabel } from '@/components/billing/price-label';
import { UsageMeter } from '@/components/billing/usage-meter';
import { getDb } from '@/db';
import { requireSessionScope } from '@/lib/auth/require-session';
import { hasRole } from '@/lib/auth/scope';
import { findPrice } from '@/lib/billing/catalogue';
import { getBillingSummary } from '@/lib/billing/get-billing-summary';
import { getStripe } from '@/lib/billing/stripe-client';
import { Link } from '@/lib/i18n/navigation';
import { pageTitle } from '@/lib/i18n/page-title';

export const generateMetadata = pageTitle('billing', 'title');

export default async function BillingPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const scope = await requireSessionScope(locale, '/billing');
  const [t, tp, format, summary] = await Promise.all([
    getTranslations('billing'),
    getTranslations('pricing'),
    getFormatter(),
    getBillingSummary(await getDb(), scope),
  ]);
  const { entitlements, subscription, meters, credits } = summary;
  const configured = getStripe() !== null;
  const date = (value: Date | string) => format.dateTime(new Date(value), { dateStyle: 'long' });
  const count = (used: number, allowed: number) => t('usedOf', { used, allowed });
  const canManage = hasRole(scope, 'admin');

  return (
    <div className="max-w-4xl">
      <h1 className="font-display text-3xl font-semibold">{t('title')}</h1>
      {configured ? null : (
        <p role="status" className="mt-4 rounded-card border border-warning/40 p-4 text-sm text-warning">
          {t('notConfigured')}
        </p>
      )}
      {entitlements.status === 'past_due' ? (
        <p
          role="alert"
          className="mt-4 rounded-card border border-danger/50 p-4 text-sm text-danger"
          data-testid="billing-past-due"
        >
          {entitlements.limited ? t('limited') : t('pastDue', { date: date(entitlements.graceUntil!) })}
        </p>
      ) : null}

      <section className="mt-8 rounded-card border border-border bg-surface-raised p-6" aria-labelledby="plan-title">
        <p id="plan-title" className="text-sm text-fg-muted">
          {t('plan')}
        </p>
        <div className="mt-1 flex flex-wrap items-center gap-3">
          <span className="font-display text-3xl font-semibold" data-testid="billing-plan">
            {t(`planName.${entitlements.plan}`)}
          </span>
          <span className="rounded-full bg-surface px-2.5 py-1 text-xs text-fg-muted" data-testid="billing-status">
            {t(`status.${entitlements.status}`)}
          </span>
        </div>
        {subscription ? (
          <p className="mt-2 text-sm text-fg-muted">
            {subscription.interval ? `${t(`interval.${subscription.interval}`)} · ` : ''}
            {subscription.trialEnd && entitlements.status === 'trialing'
              ? t('trialEnds', { date: date(subscription.trialEnd) })
              : subscription.currentPeriodEnd
                ? t(subscription.cancelAtPeriodEnd ? 'endsOn' : 'renews', { date: date(subscription.currentPeriodEnd) })
                : null}
          </p>
        ) : null}
        <div className="mt-5 flex flex-wrap items-start gap-3">
          {configured && canManage && summary.hasBillingAccount ? <PortalButton /> : null}
          <Link
            href="/pricing"
            className="rounded-lg border border-border-strong px-4 py-2 text-sm font-semibold hover:bg-surface-sunken"
          >
            {entitlements.plan === 'free' ? t('upgrade') : t('seePlans')}
          </Link>
        </div>
        {canManage ? null : <p className="mt-3 text-sm text-fg-subtle">{t('ownersOnly')}</p>}
      </section>

      <h2 className="mt-10 text-lg font-semibold">{t('limitsTitle')}</h2>
      <div className="mt-4 grid gap-4 sm:grid-cols-3">
        <UsageMeter
          label={t('meters.workflows')}
          used={meters.workflows.used}
          allowed={meters.workflows.allowed}
          caption={count(meters.workflows.used, meters.workflows.allowed)}
          testId="meter-workflows"
        />
        <UsageMeter
          label={t('meters.runs')}
          used={meters.runs_per_month.used}
          allowed={meters.runs_per_month.allowed}
          caption={count(meters.runs_per_month.used, meters.runs_per_month.allowed)}
          testId="meter-runs"
        />
        <UsageMeter
          label={t('meters.seats')}
          used={meters.seats.used}
          allowed={meters.seats.allowed}
          caption={count(meters.seats.used, meters.seats.allowed)}
          testId="meter-seats"
        />
      </div>

      <section
        className="mt-10 flex flex-wrap items-center justify-between gap-4 rounded-card border border-border p-5"
        aria-labelledby="credits-title"
      >
        <div>
          <h2 id="credits-title" className="font-semibold">
            {t('creditsTitle')}
          </h2>
          <p className="mt-1 text-sm text-fg-muted" data-testid="credits-available">
            {t('creditsAvailable', { count: credits.available })}
          </p>
        </div>
        <div className="flex gap-3 text-sm">
          <Link
            href="/pricing#addons-title"
            className="rounded-lg border border-border-strong px-3 py-2 hover:bg-surface-raised"
          >
            {t('buyCredits')}
          </Link>
          <Link
            href="/billing/usage"
            className="rounded-lg border border-border-strong px-3 py-2 hover:bg-surface-raised"
          >
            {t('usageLink')}
          </Link>
        </div>
      </section>

      <h2 className="mt-10 text-lg font-semibold">{t('purchasesTitle')}</h2>
      {summary.purchases.length === 0 ? (
        <p className="mt-3 text-sm text-fg-subtle">{t('noPurchases')}</p>
      ) : (
        <ul className="mt-3 divide-y divide-border rounded-card border border-border">
          {summary.purchases.map((purchase) => {
            const price = findPrice(purchase.lookupKey);
            const label = price ? priceLabel(price) : null;
            return (
              <li
                key={`${purchase.lookupKey}-${String(purchase.createdAt)}`}
                className="flex flex-wrap justify-between gap-2 px-4 py-3 text-sm"
              >
                <span>{label ? tp(label.key, label.values) : purchase.lookupKey}</span>
                <span className="text-fg-muted">
                  {format.number(purchase.amountTotal / 100, {
                    style: 'currency',
                    currency: purchase.currency.toUpperCase(),
                  })}{' '}
                  · {t(`purchaseStatus.${purchase.status}`)} · {date(purchase.createdAt)}
                </span>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
