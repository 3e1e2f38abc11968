// Which Levqor plan a Stripe price stands for: its lookup key (current or legacy), else its metadata.
import { findPrice, type Interval, type PaidPlanId, planRank, resolvePlanName } from './catalogue';
import type { InvoiceObject } from './webhook/stripe-objects';

type PriceLike = {
  lookup_key?: string | null;
  metadata?: Record<string, string>;
  recurring?: { interval: string } | null;
};

export function planOfPrice(
  price: PriceLike,
): { plan: PaidPlanId; interval: Interval | null; lookupKey: string | null } | null {
  const known = findPrice(price.lookup_key);
  if (known?.plan) return { plan: known.plan, interval: known.interval ?? null, lookupKey: known.lookupKey };
  const named = resolvePlanName(price.metadata?.levqor_plan ?? price.metadata?.plan ?? price.metadata?.tier);
  if (!named) return null;
  const interval =
    price.recurring?.interval === 'year' ? 'year' : price.recurring?.interval === 'month' ? 'month' : null;
  return { plan: named, interval, lookupKey: price.lookup_key ?? null };
}

/** The highest plan among a subscription's items. */
export function planOfItems(prices: PriceLike[]): ReturnType<typeof planOfPrice> {
  return prices
    .map(planOfPrice)
    .reduce<ReturnType<typeof planOfPrice>>(
      (best, next) => (next && (!best || planRank[next.plan] > planRank[best.plan]) ? next : best),
      null,
    );
}

const PLAN_PRODUCT = /^levqor_plan_([a-z]+)$/;
const YEAR_SECONDS = 300 * 86_400;

/**
 * The plan an invoice charges for, read from the invoice alone (its lines' price or product, else the subscription
 * metadata it carries), so credits granted for it never depend on which events arrived before it.
 */
export function planOfInvoice(invoice: InvoiceObject): { plan: PaidPlanId; interval: Interval } | null {
  const fromMetadata = findPrice(invoice.parent?.subscription_details?.metadata?.lookup_key);
  const found = (invoice.lines?.data ?? [])
    .filter((line) => line.amount >= 0)
    .map((line) => {
      const byPrice = line.price ? planOfPrice(line.price) : null;
      const productPlan = resolvePlanName(PLAN_PRODUCT.exec(line.pricing?.price_details?.product ?? '')?.[1]);
      const plan = byPrice?.plan ?? productPlan;
      if (!plan) return null;
      const byPeriod =
        line.period && line.period.end > line.period.start
          ? line.period.end - line.period.start > YEAR_SECONDS
            ? 'year'
            : 'month'
          : null;
      const byMetadata = fromMetadata?.plan === plan ? fromMetadata.interval : null;
      return { plan, interval: byPrice?.interval ?? byPeriod ?? byMetadata ?? 'month' } as const;
    })
    .reduce<{ plan: PaidPlanId; interval: Interval } | null>(
      (best, next) => (next && (!best || planRank[next.plan] > planRank[best.plan]) ? next : best),
      null,
    );
  if (found) return found;
  return fromMetadata?.plan ? { plan: fromMetadata.plan, interval: fromMetadata.interval ?? 'month' } : null;
}
