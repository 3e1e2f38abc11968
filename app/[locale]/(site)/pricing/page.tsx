// Pricing: the plans, Done-For-You packages and add-ons, in the visitor's regional currency, with live checkout.
import type { Metadata } from 'next';
import { headers } from 'next/headers';
import { getFormatter, getTranslations, setRequestLocale } from 'next-intl/server';
import { CheckoutButton } from '@/components/billing/checkout-button';
import { PlanCards, type PlanOffer } from '@/components/billing/plan-cards';
import { priceLabel } from '@/components/billing/price-label';
import { RegionPicker } from '@/components/billing/region-picker';
import { paidPlans, planPrice, prices } from '@/lib/billing/catalogue';
import { regionalAmount, resolveRegion, selectableRegions } from '@/lib/billing/regions';
import { getStripe } from '@/lib/billing/stripe-client';
import { visitorCountry } from '@/lib/billing/visitor-country';
import { alternateLanguages, localizedPath } from '@/lib/i18n/urls';

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<{ region?: string; checkout?: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: 'pricing' });
  return {
    title: t('metaTitle'),
    description: t('metaDescription'),
    alternates: { canonical: localizedPath(locale, '/pricing'), languages: alternateLanguages('/pricing') },
  };
}

export default async function PricingPage({ params, searchParams }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const { region: requested, checkout } = await searchParams;
  const { region, detected } = resolveRegion(visitorCountry(await headers()), requested);
  const [t, format] = await Promise.all([getTranslations('pricing'), getFormatter()]);
  const checkoutAvailable = getStripe() !== null;
  const money = (amount: number) =>
    format.number(amount / 100, {
      style: 'currency',
      currency: region.currency.toUpperCase(),
      minimumFractionDigits: amount % 100 === 0 ? 0 : 2,
      maximumFractionDigits: amount % 100 === 0 ? 0 : 2,
    });
  const offers: PlanOffer[] = paidPlans.map((plan) => {
    const [month, year] = [planPrice(plan, 'month'), planPrice(plan, 'year')];
    return {
      plan,
      month: { lookupKey: month.lookupKey, amount: regionalAmount(month, region) },
      year: { lookupKey: year.lookupKey, amount: regionalAmount(year, region) },
    };
  });
  const sections = [
    { id: 'dfy', items: prices.filter((price) => price.kind === 'dfy'), cta: t('dfy.cta') },
    { id: 'addons', items: prices.filter((price) => price.kind === 'addon'), cta: t('addons.cta') },
  ] as const;

  return (
    <div className="mx-auto max-w-7xl px-4 py-16 sm:px-6">
      <h1 className="max-w-3xl font-display text-4xl font-semibold tracking-tight text-balance sm:text-5xl">
        {t('title')}
      </h1>
      <p className="mt-4 max-w-2xl text-lg text-fg-muted">{t('subtitle')}</p>

      <div className="mt-8 flex flex-wrap items-end justify-between gap-4 rounded-card border border-border bg-surface-raised p-4">
        <div className="text-sm" data-testid="region-notice">
          <p>{t('regionNotice', { region: t(`regions.${region.id}`), currency: region.currency.toUpperCase() })}</p>
          {region.discountPercent > 0 ? (
            <p className="mt-1 text-brand-accent">{t('pppNotice', { percent: region.discountPercent })}</p>
          ) : null}
        </div>
        <RegionPicker current={region} choices={selectableRegions(detected)} />
      </div>
      {checkout === 'cancelled' ? (
        <p role="status" className="mt-4 rounded-card border border-border p-4 text-sm text-fg-muted">
          {t('checkoutCancelled')}
        </p>
      ) : null}
      {checkoutAvailable ? null : (
        <p
          role="status"
          className="mt-4 rounded-card border border-warning/40 p-4 text-sm text-warning"
          data-testid="billing-not-configured"
        >
          {t('notConfigured')}
        </p>
      )}

      <section className="mt-10" aria-labelledby="plans-title">
        <h2 id="plans-title" className="sr-only">
          {t('plansTitle')}
        </h2>
        <PlanCards
          offers={offers}
          currency={region.currency}
          region={region.id}
          checkoutAvailable={checkoutAvailable}
        />
      </section>

      {sections.map((section) => (
        <section key={section.id} className="mt-16" aria-labelledby={`${section.id}-title`}>
          <h2 id={`${section.id}-title`} className="font-display text-2xl font-semibold">
            {t(`${section.id}.title`)}
          </h2>
          <p className="mt-2 max-w-2xl text-fg-muted">{t(`${section.id}.subtitle`)}</p>
          <ul className="mt-6 grid gap-5 sm:grid-cols-2 lg:grid-cols-4">
            {section.items.map((price) => {
              const label = priceLabel(price);
              const description = price.credits
                ? t('addons.creditsDescription')
                : t(label.key.replace(/\.name$/, '.description'));
              return (
                <li
                  key={price.lookupKey}
                  className="flex flex-col rounded-card border border-border bg-surface-raised p-6"
                  data-testid={`item-${price.lookupKey}`}
                >
                  <h3 className="font-semibold">{t(label.key, label.values)}</h3>
                  <p className="mt-2 flex-1 text-sm text-fg-muted">{description}</p>
                  <p className="mt-4">
                    <span className="font-display text-2xl font-semibold">{money(regionalAmount(price, region))}</span>
                    <span className="ms-1 text-sm text-fg-muted">{t('oneOff')}</span>
                  </p>
                  {checkoutAvailable ? (
                    <div className="mt-4">
                      <CheckoutButton price={price.lookupKey} region={region.id} label={section.cta} />
                    </div>
                  ) : null}
                </li>
              );
            })}
          </ul>
        </section>
      ))}
    </div>
  );
}
