'use client';
// The subscription plans side by side, with a monthly / yearly switch; each paid plan starts checkout.
import { useFormatter, useTranslations } from 'next-intl';
import { useState } from 'react';
import type { PaidPlanId } from '@/lib/billing/catalogue';
import { planLimits } from '@/lib/billing/plan-limits';
import { Link } from '@/lib/i18n/navigation';
import { CheckoutButton } from './checkout-button';

export type PlanOffer = {
  plan: PaidPlanId;
  month: { lookupKey: string; amount: number };
  year: { lookupKey: string; amount: number };
};

type Props = { offers: PlanOffer[]; currency: string; region: string; checkoutAvailable: boolean };

export function PlanCards({ offers, currency, region, checkoutAvailable }: Props) {
  const t = useTranslations('pricing');
  const format = useFormatter();
  const [interval, setBillingInterval] = useState<'month' | 'year'>('month');
  const money = (amount: number) =>
    format.number(amount / 100, {
      style: 'currency',
      currency: currency.toUpperCase(),
      minimumFractionDigits: amount % 100 === 0 ? 0 : 2,
      maximumFractionDigits: amount % 100 === 0 ? 0 : 2,
    });

  const features = (plan: keyof typeof planLimits) => {
    const limits = planLimits[plan];
    return [
      t('features.workflows', { count: limits.workflows }),
      t('features.runs', { count: limits.runs_per_month }),
      t('features.aiCredits', { count: limits.ai_credits }),
      t('features.retention', { days: limits.retention_days }),
      t('features.seats', { count: limits.seats }),
    ];
  };

  return (
    <div>
      <div
        role="radiogroup"
        aria-label={t('intervalLabel')}
        className="inline-flex rounded-full border border-border bg-surface-raised p-1 text-sm"
      >
        {(['month', 'year'] as const).map((value) => (
          <button
            key={value}
            type="button"
            role="radio"
            aria-checked={interval === value}
            onClick={() => setBillingInterval(value)}
            className={`rounded-full px-4 py-1.5 ${interval === value ? 'bg-surface text-fg shadow-sm' : 'text-fg-muted hover:text-fg'}`}
          >
            {value === 'month' ? t('monthly') : t('yearly')}
            {value === 'year' ? <span className="ms-2 text-xs text-brand-accent">{t('yearlySaving')}</span> : null}
          </button>
        ))}
      </div>
      <ul className="mt-8 grid gap-5 md:grid-cols-2 xl:grid-cols-5">
        <li className="flex flex-col rounded-card border border-border bg-surface-raised p-6" data-testid="plan-free">
          <h3 className="font-display text-xl font-semibold">{t('free.name')}</h3>
          <p className="mt-1 min-h-10 text-sm text-fg-muted">{t('free.tagline')}</p>
          <p className="mt-4 font-display text-3xl font-semibold">{money(0)}</p>
          <ul className="mt-5 flex-1 space-y-2 text-sm text-fg-muted">
            {features('free').map((line) => (
              <li key={line}>✓ {line}</li>
            ))}
          </ul>
          <Link
            href="/signin"
            className="mt-6 block rounded-lg border border-border-strong px-4 py-2.5 text-center text-sm font-semibold hover:bg-surface-sunken"
          >
            {t('free.cta')}
          </Link>
        </li>
        {offers.map((offer) => {
          const price = offer[interval];
          const popular = offer.plan === 'growth';
          return (
            <li
              key={offer.plan}
              className={`flex flex-col rounded-card border bg-surface-raised p-6 ${popular ? 'border-brand-accent' : 'border-border'}`}
              data-testid={`plan-${offer.plan}`}
            >
              <div className="flex items-center justify-between gap-2">
                <h3 className="font-display text-xl font-semibold">{t(`plans.${offer.plan}.name`)}</h3>
                {popular ? (
                  <span className="rounded-full bg-brand-gradient px-2 py-0.5 text-xs font-semibold text-slate-950">
                    {t('popular')}
                  </span>
                ) : null}
              </div>
              <p className="mt-1 min-h-10 text-sm text-fg-muted">{t(`plans.${offer.plan}.tagline`)}</p>
              <p className="mt-4">
                <span className="font-display text-3xl font-semibold" data-testid={`price-${offer.plan}`}>
                  {money(price.amount)}
                </span>
                <span className="text-sm text-fg-muted">{interval === 'month' ? t('perMonth') : t('perYear')}</span>
              </p>
              <ul className="mt-5 flex-1 space-y-2 text-sm text-fg-muted">
                {features(offer.plan).map((line) => (
                  <li key={line}>✓ {line}</li>
                ))}
              </ul>
              <div className="mt-6">
                {checkoutAvailable ? (
                  <CheckoutButton
                    price={price.lookupKey}
                    region={region}
                    emphasis={popular}
                    label={t('choose', { plan: t(`plans.${offer.plan}.name`) })}
                    testId={`choose-${offer.plan}`}
                  />
                ) : null}
              </div>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
