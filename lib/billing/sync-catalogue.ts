// Makes a Stripe account match the catalogue: products, the 15 prices by lookup key (with EUR and USD currency options)
// and the regional-pricing coupons. Idempotent: a second run changes nothing.
import type Stripe from 'stripe';
import { type CataloguePrice, currencies, DEFAULT_CURRENCY, prices, products } from './catalogue';
import { pppCouponId, pppDiscounts } from './regions';

export type SyncReport = { created: string[]; updated: string[]; unchanged: string[] };

const LOOKUP_KEYS_PER_REQUEST = 10;

export async function syncCatalogue(stripe: Stripe, log: (line: string) => void = () => {}): Promise<SyncReport> {
  const report: SyncReport = { created: [], updated: [], unchanged: [] };
  const note = (kind: keyof SyncReport, what: string) => {
    report[kind].push(what);
    log(`${kind.padEnd(9)} ${what}`);
  };

  for (const product of products) {
    const existing = await retrieveOrNull(() => stripe.products.retrieve(product.id));
    const metadata = { levqor_kind: product.kind };
    if (!existing) {
      await stripe.products.create({ id: product.id, name: product.name, description: product.description, metadata });
      note('created', `product ${product.id}`);
    } else if (
      existing.name !== product.name ||
      existing.description !== product.description ||
      !existing.active ||
      existing.metadata.levqor_kind !== product.kind
    ) {
      await stripe.products.update(product.id, {
        name: product.name,
        description: product.description,
        active: true,
        metadata,
      });
      note('updated', `product ${product.id}`);
    } else {
      note('unchanged', `product ${product.id}`);
    }
  }

  const existingPrices = await listByLookupKeys(
    stripe,
    prices.map((price) => price.lookupKey),
  );
  for (const price of prices) {
    const current = existingPrices.get(price.lookupKey);
    if (current && matches(current, price)) {
      if (current.active) note('unchanged', `price ${price.lookupKey}`);
      else {
        await stripe.prices.update(current.id, { active: true });
        note('updated', `price ${price.lookupKey} (reactivated)`);
      }
      continue;
    }
    // NOTE: Stripe prices are immutable in amount: a changed price is a new price that takes over the lookup key.
    // (The SDK's own idempotency keys cover network retries; a rerun finds the new price by its lookup key.)
    await stripe.prices.create(priceParams(price));
    if (current) await stripe.prices.update(current.id, { active: false });
    note(current ? 'updated' : 'created', `price ${price.lookupKey}`);
  }

  for (const percent of pppDiscounts) {
    const id = pppCouponId(percent);
    const existing = await retrieveOrNull(() => stripe.coupons.retrieve(id));
    if (existing) {
      note('unchanged', `coupon ${id}`);
      continue;
    }
    await stripe.coupons.create({
      id,
      percent_off: percent,
      duration: 'forever',
      name: `Regional pricing −${percent}%`,
      metadata: { levqor_kind: 'ppp' },
    });
    note('created', `coupon ${id}`);
  }
  return report;
}

function priceParams(price: CataloguePrice): Stripe.PriceCreateParams {
  const currencyOptions = Object.fromEntries(
    currencies.filter((c) => c !== DEFAULT_CURRENCY).map((c) => [c, { unit_amount: price.amounts[c] }]),
  );
  const metadata: Record<string, string> = { levqor_kind: price.kind };
  if (price.plan) metadata.levqor_plan = price.plan;
  if (price.interval) metadata.levqor_interval = price.interval;
  if (price.credits) metadata.levqor_credits = String(price.credits);
  return {
    product: price.productId,
    currency: DEFAULT_CURRENCY,
    unit_amount: price.amounts[DEFAULT_CURRENCY],
    currency_options: currencyOptions,
    lookup_key: price.lookupKey,
    transfer_lookup_key: true,
    nickname: price.lookupKey,
    metadata,
    ...(price.interval ? { recurring: { interval: price.interval } } : {}),
  };
}

function matches(existing: Stripe.Price, price: CataloguePrice): boolean {
  const productId = typeof existing.product === 'string' ? existing.product : existing.product.id;
  if (
    productId !== price.productId ||
    existing.currency !== DEFAULT_CURRENCY ||
    existing.unit_amount !== price.amounts[DEFAULT_CURRENCY]
  )
    return false;
  if ((existing.recurring?.interval ?? null) !== (price.interval ?? null)) return false;
  return currencies.every(
    (currency) =>
      currency === DEFAULT_CURRENCY || existing.currency_options?.[currency]?.unit_amount === price.amounts[currency],
  );
}

async function listByLookupKeys(stripe: Stripe, keys: string[]): Promise<Map<string, Stripe.Price>> {
  const found = new Map<string, Stripe.Price>();
  for (let i = 0; i < keys.length; i += LOOKUP_KEYS_PER_REQUEST) {
    const page = await stripe.prices.list({
      lookup_keys: keys.slice(i, i + LOOKUP_KEYS_PER_REQUEST),
      limit: 100,
      expand: ['data.currency_options'],
    });
    for (const price of page.data) if (price.lookup_key) found.set(price.lookup_key, price);
  }
  return found;
}

async function retrieveOrNull<T>(retrieve: () => Promise<T>): Promise<T | null> {
  try {
    return await retrieve();
  } catch (error) {
    if ((error as { statusCode?: number }).statusCode === 404) return null;
    throw error;
  }
}
