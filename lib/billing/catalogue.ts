// The price catalogue: 15 Stripe prices named by lookup key (never by Stripe id), amounts in minor units per currency.
// NOTE: no `server-only` here: `npm run stripe:sync` (plain Node) and the pricing page both read this data.

export type Currency = 'gbp' | 'eur' | 'usd';
export const currencies = ['gbp', 'eur', 'usd'] as const satisfies readonly Currency[];
export const DEFAULT_CURRENCY: Currency = 'gbp';

export type PaidPlanId = 'starter' | 'growth' | 'pro' | 'business';
export type PlanId = 'free' | PaidPlanId;
export type Interval = 'month' | 'year';
export type PriceKind = 'subscription' | 'dfy' | 'addon';

export const paidPlans = ['starter', 'growth', 'pro', 'business'] as const satisfies readonly PaidPlanId[];
export const planRank: Record<PlanId, number> = { free: 0, starter: 1, growth: 2, pro: 3, business: 4 };

export type CatalogueProduct = { id: string; name: string; description: string; kind: PriceKind };

export type CataloguePrice = {
  lookupKey: string;
  productId: string;
  kind: PriceKind;
  /** Subscriptions: the plan and billing interval. */
  plan?: PaidPlanId;
  interval?: Interval;
  /** Credit packs: AI credits added to the ledger when paid. */
  credits?: number;
  amounts: Record<Currency, number>;
};

export const products: readonly CatalogueProduct[] = [
  {
    id: 'levqor_plan_starter',
    kind: 'subscription',
    name: 'Levqor Starter',
    description: 'For one person automating the busywork.',
  },
  {
    id: 'levqor_plan_growth',
    kind: 'subscription',
    name: 'Levqor Growth',
    description: 'For small teams running their operations on workflows.',
  },
  {
    id: 'levqor_plan_pro',
    kind: 'subscription',
    name: 'Levqor Pro',
    description: 'For businesses that depend on their automations.',
  },
  {
    id: 'levqor_plan_business',
    kind: 'subscription',
    name: 'Levqor Business',
    description: 'For larger teams with high volumes and long retention.',
  },
  {
    id: 'levqor_dfy_starter',
    kind: 'dfy',
    name: 'Done-For-You Starter',
    description: 'We build one workflow for you, tested and documented.',
  },
  {
    id: 'levqor_dfy_growth',
    kind: 'dfy',
    name: 'Done-For-You Growth',
    description: 'We build up to five workflows, with backups and alerts.',
  },
  {
    id: 'levqor_dfy_scale',
    kind: 'dfy',
    name: 'Done-For-You Scale',
    description: 'We automate a whole department: up to fifteen workflows.',
  },
  {
    id: 'levqor_addon_credits',
    kind: 'addon',
    name: 'AI credit pack',
    description: 'Extra AI credits that never expire.',
  },
  {
    id: 'levqor_addon_expert_session',
    kind: 'addon',
    name: 'Expert session',
    description: 'One hour with an automation expert.',
  },
];

const plan = (
  id: PaidPlanId,
  monthly: Record<Currency, number>,
  yearly: Record<Currency, number>,
): CataloguePrice[] => [
  {
    lookupKey: `levqor_${id}_monthly`,
    productId: `levqor_plan_${id}`,
    kind: 'subscription',
    plan: id,
    interval: 'month',
    amounts: monthly,
  },
  {
    lookupKey: `levqor_${id}_yearly`,
    productId: `levqor_plan_${id}`,
    kind: 'subscription',
    plan: id,
    interval: 'year',
    amounts: yearly,
  },
];

export const prices: readonly CataloguePrice[] = [
  ...plan('starter', { gbp: 900, eur: 1_100, usd: 1_200 }, { gbp: 9_000, eur: 11_000, usd: 12_000 }),
  ...plan('growth', { gbp: 2_900, eur: 3_400, usd: 3_900 }, { gbp: 29_000, eur: 34_000, usd: 39_000 }),
  ...plan('pro', { gbp: 7_900, eur: 9_200, usd: 9_900 }, { gbp: 79_000, eur: 92_000, usd: 99_000 }),
  ...plan('business', { gbp: 19_900, eur: 22_900, usd: 24_900 }, { gbp: 199_000, eur: 229_000, usd: 249_000 }),
  {
    lookupKey: 'levqor_dfy_starter',
    productId: 'levqor_dfy_starter',
    kind: 'dfy',
    amounts: { gbp: 29_900, eur: 34_900, usd: 37_900 },
  },
  {
    lookupKey: 'levqor_dfy_growth',
    productId: 'levqor_dfy_growth',
    kind: 'dfy',
    amounts: { gbp: 99_900, eur: 116_900, usd: 126_900 },
  },
  {
    lookupKey: 'levqor_dfy_scale',
    productId: 'levqor_dfy_scale',
    kind: 'dfy',
    amounts: { gbp: 249_900, eur: 289_900, usd: 319_900 },
  },
  {
    lookupKey: 'levqor_credits_1000',
    productId: 'levqor_addon_credits',
    kind: 'addon',
    credits: 1_000,
    amounts: { gbp: 1_000, eur: 1_200, usd: 1_300 },
  },
  {
    lookupKey: 'levqor_credits_5000',
    productId: 'levqor_addon_credits',
    kind: 'addon',
    credits: 5_000,
    amounts: { gbp: 4_000, eur: 4_700, usd: 5_200 },
  },
  {
    lookupKey: 'levqor_credits_20000',
    productId: 'levqor_addon_credits',
    kind: 'addon',
    credits: 20_000,
    amounts: { gbp: 12_000, eur: 14_000, usd: 15_500 },
  },
  {
    lookupKey: 'levqor_expert_session',
    productId: 'levqor_addon_expert_session',
    kind: 'addon',
    amounts: { gbp: 14_900, eur: 17_400, usd: 18_900 },
  },
];

export type LookupKey = string;
export const lookupKeys = prices.map((price) => price.lookupKey);

/** Tier names of earlier price lists, mapped onto the current plans (old subscriptions keep working). */
export const legacyPlanNames: Record<string, PaidPlanId> = {
  basic: 'starter',
  solo: 'starter',
  launch: 'starter',
  team: 'growth',
  plus: 'growth',
  professional: 'pro',
  premium: 'pro',
  scale: 'business',
  enterprise: 'business',
  agency: 'business',
};

/** A current or legacy plan name (`team`, `Professional`) as a current plan id, or null. */
export function resolvePlanName(name: string | null | undefined): PaidPlanId | null {
  const clean = name?.trim().toLowerCase();
  if (!clean) return null;
  if ((paidPlans as readonly string[]).includes(clean)) return clean as PaidPlanId;
  return legacyPlanNames[clean] ?? null;
}

const LEGACY_KEY = /^levqor_([a-z]+)_(monthly|yearly)$/;

/** The catalogue price for a lookup key; a legacy subscription key (`levqor_team_monthly`) maps to its current price. */
export function findPrice(lookupKey: string | null | undefined): CataloguePrice | null {
  if (!lookupKey) return null;
  const direct = prices.find((price) => price.lookupKey === lookupKey);
  if (direct) return direct;
  const match = LEGACY_KEY.exec(lookupKey);
  const planId = match ? resolvePlanName(match[1]) : null;
  return planId ? (prices.find((price) => price.lookupKey === `levqor_${planId}_${match![2]}`) ?? null) : null;
}

export function planPrice(planId: PaidPlanId, interval: Interval): CataloguePrice {
  return prices.find((price) => price.plan === planId && price.interval === interval)!;
}

export function findProduct(id: string): CatalogueProduct | undefined {
  return products.find((product) => product.id === id);
}
