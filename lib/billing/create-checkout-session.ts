import 'server-only';
// Starts Stripe Checkout for a catalogue price: subscription mode for plans, payment mode for DFY packages and add-ons,
// in the visitor's regional currency and discount, under an idempotency key so a retried request makes one session.
import { createHash, randomUUID } from 'node:crypto';
import type Stripe from 'stripe';
import { z } from 'zod';
import type { Db } from '@/db/client';
import { requireRole, type Scope } from '@/lib/auth/scope';
import { AppError } from '@/lib/errors';
import { isFlagEnabled } from '@/lib/flags/is-flag-enabled';
import { defaultLocale, type Locale, locales } from '@/lib/i18n/locales';
import { localizedPath } from '@/lib/i18n/urls';
import { findPrice } from './catalogue';
import { ensureCustomer } from './ensure-customer';
import { getEntitlements } from './get-entitlements';
import { pppCouponId, regionIds, resolveRegion } from './regions';
import { resolveStripePrice } from './resolve-stripe-price';
import { callStripe, requireStripe } from './stripe-client';

export const checkoutSchema = z.object({
  /** A catalogue lookup key (`levqor_growth_yearly`); legacy plan keys map to their current price. */
  price: z.string().trim().min(1).max(100),
  /** Another region than the detected one (changes the currency; never a deeper discount). */
  region: z.enum(regionIds).optional(),
  locale: z.enum(locales).default(defaultLocale),
});
export type CheckoutInput = z.input<typeof checkoutSchema>;

export type CheckoutOptions = {
  appUrl: string;
  /** The visitor's country (`x-vercel-ip-country`). */
  country?: string | null;
  /** The client's Idempotency-Key: a retry with the same key returns the same session. */
  idempotencyKey?: string | null;
  stripe?: Stripe;
};

const IDEMPOTENCY_KEY = /^[\w.:-]{8,120}$/;

// Checkout languages Stripe offers; the others fall back to the browser's language.
const stripeLocales = new Set([
  'bg',
  'cs',
  'da',
  'de',
  'el',
  'en',
  'es',
  'et',
  'fi',
  'fil',
  'fr',
  'hr',
  'hu',
  'id',
  'it',
  'ja',
  'ko',
  'lt',
  'lv',
  'ms',
  'nb',
  'nl',
  'pl',
  'pt',
  'ro',
  'ru',
  'sk',
  'sl',
  'sv',
  'th',
  'tr',
  'vi',
  'zh',
]);
const checkoutLocale = (locale: Locale) =>
  (stripeLocales.has(locale) ? locale : 'auto') as Stripe.Checkout.SessionCreateParams.Locale;

export async function createCheckoutSession(
  db: Db,
  scope: Scope,
  input: CheckoutInput,
  options: CheckoutOptions,
): Promise<{ id: string; url: string }> {
  requireRole(scope, 'admin');
  const { price: requested, region: requestedRegion, locale } = checkoutSchema.parse(input);
  const stripe = options.stripe ?? requireStripe();
  if (!(await isFlagEnabled(db, 'billing.checkout_enabled')))
    throw new AppError('unavailable', 'Checkout is paused for now; please try again later');
  const price = findPrice(requested);
  if (!price)
    throw new AppError('validation_failed', `Unknown price "${requested}"`, {
      issues: [{ path: 'price', message: 'Not a price of the catalogue', code: 'invalid_value' }],
    });
  if (options.idempotencyKey && !IDEMPOTENCY_KEY.test(options.idempotencyKey))
    throw new AppError('bad_request', 'The Idempotency-Key header must be 8–120 letters, digits, or . _ : -');

  if (price.kind === 'subscription') {
    const current = await getEntitlements(db, scope.workspaceId);
    if (current.status === 'active' || current.status === 'trialing' || current.status === 'past_due') {
      throw new AppError(
        'conflict',
        'This workspace already has a subscription; change or cancel it in the billing portal',
        { portal: '/billing' },
      );
    }
  }
  const { region } = resolveRegion(options.country, requestedRegion);
  const stripePriceId = await callStripe('find the price', () => resolveStripePrice(stripe, price.lookupKey));
  const customer = await callStripe('create the customer', () => ensureCustomer(db, stripe, scope));
  const appUrl = options.appUrl.replace(/\/+$/, '');
  const metadata = { workspace_id: scope.workspaceId, lookup_key: price.lookupKey, region: region.id };
  const subscription = price.kind === 'subscription';
  const params: Stripe.Checkout.SessionCreateParams = {
    mode: subscription ? 'subscription' : 'payment',
    customer,
    client_reference_id: scope.workspaceId,
    line_items: [{ price: stripePriceId, quantity: 1 }],
    currency: region.currency,
    ...(region.discountPercent > 0 ? { discounts: [{ coupon: pppCouponId(region.discountPercent) }] } : {}),
    metadata,
    ...(subscription
      ? { subscription_data: { metadata: { workspace_id: scope.workspaceId, lookup_key: price.lookupKey } } }
      : { payment_intent_data: { metadata }, invoice_creation: { enabled: true } }),
    locale: checkoutLocale(locale),
    success_url: `${appUrl}${localizedPath(locale, '/welcome')}?session_id={CHECKOUT_SESSION_ID}`,
    cancel_url: `${appUrl}${localizedPath(locale, '/pricing')}?checkout=cancelled`,
  };
  const clientKey = options.idempotencyKey ?? randomUUID();
  const idempotencyKey = `checkout-${createHash('sha256').update([scope.workspaceId, price.lookupKey, region.id, locale, clientKey].join('|')).digest('hex').slice(0, 40)}`;
  const session = await callStripe('start checkout', () => stripe.checkout.sessions.create(params, { idempotencyKey }));
  if (!session.url) throw new AppError('unavailable', 'Stripe did not return a checkout page; please try again');
  return { id: session.id, url: session.url };
}
