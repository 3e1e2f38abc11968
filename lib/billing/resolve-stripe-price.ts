import 'server-only';
// Finds the Stripe price behind a lookup key (cached for five minutes per client); code never holds price ids.
import type Stripe from 'stripe';
import { AppError } from '@/lib/errors';

const TTL_MS = 5 * 60_000;
const caches = new WeakMap<Stripe, Map<string, { id: string; at: number }>>();

export async function resolveStripePrice(stripe: Stripe, lookupKey: string): Promise<string> {
  let cache = caches.get(stripe);
  if (!cache) caches.set(stripe, (cache = new Map()));
  const hit = cache.get(lookupKey);
  if (hit && Date.now() - hit.at < TTL_MS) return hit.id;
  const { data } = await stripe.prices.list({ lookup_keys: [lookupKey], active: true, limit: 1 });
  const price = data[0];
  if (!price)
    throw new AppError(
      'not_configured',
      `The price "${lookupKey}" is not set up in Stripe yet; run npm run stripe:sync`,
    );
  cache.set(lookupKey, { id: price.id, at: Date.now() });
  return price.id;
}
