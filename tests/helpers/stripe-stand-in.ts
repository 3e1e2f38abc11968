// The local Stripe stand-in for tests (e2e/stripe-stand-in.mjs), plus builders of signed webhook requests and of the
// Stripe objects our handlers read, in Stripe's wire format.
import { randomBytes } from 'node:crypto';
import Stripe from 'stripe';

export { decodeForm, startStripeStandIn, type StripeStandIn } from '../../e2e/stripe-stand-in.mjs';

export const TEST_WEBHOOK_SECRET = 'whsec_test_levqor_billing';
export const TEST_SECRET_KEY = 'sk_test_levqor_billing';

export type TestEvent = {
  id: string;
  object: 'event';
  type: string;
  created: number;
  livemode: false;
  api_version: string;
  data: { object: Record<string, unknown> };
};

export const stripeId = (prefix: string) => `${prefix}_test_${randomBytes(8).toString('hex')}`;

export function stripeEvent(
  type: string,
  object: Record<string, unknown>,
  created = Math.floor(Date.now() / 1000),
  id = stripeId('evt'),
): TestEvent {
  return { id, object: 'event', type, created, livemode: false, api_version: Stripe.API_VERSION, data: { object } };
}

/** A webhook request as Stripe sends it, signed with the real SDK (timestamp in seconds; default now). */
export function signedWebhookRequest(
  event: { id: string; type: string } | string,
  options: { secret?: string; timestamp?: number; signature?: string | null } = {},
): Request {
  const payload = typeof event === 'string' ? event : JSON.stringify(event);
  const signature =
    options.signature === undefined
      ? Stripe.webhooks.generateTestHeaderString({
          payload,
          secret: options.secret ?? TEST_WEBHOOK_SECRET,
          timestamp: options.timestamp ?? Math.floor(Date.now() / 1000),
        })
      : options.signature;
  const headers = new Headers({ 'content-type': 'application/json', host: 'levqor.test' });
  if (signature !== null) headers.set('stripe-signature', signature);
  return new Request('http://levqor.test/api/stripe/webhook', { method: 'POST', headers, body: payload });
}

type SubscriptionInput = {
  id: string;
  customer: string;
  status: string;
  lookupKey: string;
  workspaceId?: string;
  periodStart?: number;
  periodEnd?: number;
  trialEnd?: number | null;
  cancelAtPeriodEnd?: boolean;
};

export function subscriptionObject(s: SubscriptionInput): Record<string, unknown> {
  const start = s.periodStart ?? Math.floor(Date.now() / 1000);
  return {
    id: s.id,
    object: 'subscription',
    customer: s.customer,
    status: s.status,
    created: start,
    cancel_at_period_end: s.cancelAtPeriodEnd ?? false,
    trial_end: s.trialEnd ?? null,
    metadata: s.workspaceId ? { workspace_id: s.workspaceId, lookup_key: s.lookupKey } : {},
    items: {
      object: 'list',
      data: [
        {
          id: stripeId('si'),
          object: 'subscription_item',
          current_period_start: start,
          current_period_end: s.periodEnd ?? start + 30 * 86_400,
          price: {
            id: stripeId('price'),
            object: 'price',
            lookup_key: s.lookupKey,
            metadata: {},
            product: 'levqor_plan_x',
            recurring: { interval: s.lookupKey.endsWith('yearly') ? 'year' : 'month' },
          },
        },
      ],
    },
  };
}

type InvoiceInput = {
  id: string;
  customer: string;
  subscription: string | null;
  amount: number;
  currency?: string;
  created?: number;
  workspaceId?: string;
  lookupKey?: string;
  paymentIntent?: string;
};

export function invoiceObject(i: InvoiceInput): Record<string, unknown> {
  const created = i.created ?? Math.floor(Date.now() / 1000);
  return {
    id: i.id,
    object: 'invoice',
    customer: i.customer,
    customer_email: null,
    status: 'open',
    billing_reason: 'subscription_cycle',
    amount_due: i.amount,
    amount_paid: i.amount,
    currency: i.currency ?? 'gbp',
    created,
    hosted_invoice_url: `https://invoice.stripe.test/${i.id}`,
    parent: i.subscription
      ? {
          type: 'subscription_details',
          subscription_details: {
            subscription: i.subscription,
            metadata: i.workspaceId ? { workspace_id: i.workspaceId, lookup_key: i.lookupKey ?? '' } : {},
          },
        }
      : null,
    payments: i.paymentIntent
      ? {
          object: 'list',
          data: [{ object: 'invoice_payment', payment: { type: 'payment_intent', payment_intent: i.paymentIntent } }],
        }
      : undefined,
    lines: {
      object: 'list',
      data: i.lookupKey
        ? [
            {
              id: stripeId('il'),
              object: 'line_item',
              amount: i.amount,
              currency: i.currency ?? 'gbp',
              period: { start: created, end: created + (i.lookupKey.endsWith('yearly') ? 365 : 30) * 86_400 },
              pricing: {
                type: 'price_details',
                price_details: { price: stripeId('price'), product: `levqor_plan_${i.lookupKey.split('_')[1]}` },
              },
            },
          ]
        : [],
    },
  };
}
