import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { seedMember, type Seeded } from '../accounts/seed';
import {
  invoiceObject,
  signedWebhookRequest,
  stripeEvent,
  stripeId,
  subscriptionObject,
  TEST_WEBHOOK_SECRET,
} from '../helpers/stripe-stand-in';
import { createTestDb, type TestDb } from '../helpers/test-db';

process.env.STRIPE_WEBHOOK_SECRET = TEST_WEBHOOK_SECRET;
delete process.env.STRIPE_SECRET_KEY;

let test: TestDb;
vi.mock('@/db', () => ({ getDb: async () => test.db, getDbOrNull: async () => test.db }));

const { POST } = await import('@/app/api/stripe/webhook/route');
const { verifyStripeEvent } = await import('@/lib/billing/webhook/verify-stripe-event');
const { getEntitlements } = await import('@/lib/billing/get-entitlements');
const { logger } = await import('@/lib/logger');

let owner: Seeded;
beforeAll(async () => {
  test = await createTestDb();
  owner = await seedMember(test.db, 'owner');
});
afterAll(async () => {
  await test.close();
  delete process.env.STRIPE_WEBHOOK_SECRET;
});
beforeEach(() => vi.restoreAllMocks());

async function counts() {
  const count = async (
    table: 'stripe_events' | 'stripe_subscriptions' | 'stripe_invoices' | 'credit_ledger' | 'email_outbox',
  ) =>
    Number(
      (
        await test.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<string>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  return {
    events: await count('stripe_events'),
    subscriptions: await count('stripe_subscriptions'),
    invoices: await count('stripe_invoices'),
    ledger: await count('credit_ledger'),
    emails: await count('email_outbox'),
  };
}

function paidInvoiceEvent(workspaceId: string) {
  const customer = stripeId('cus');
  const subscription = stripeId('sub');
  return stripeEvent(
    'invoice.paid',
    invoiceObject({
      id: stripeId('in'),
      customer,
      subscription,
      amount: 2_900,
      workspaceId,
      lookupKey: 'levqor_growth_monthly',
    }),
  );
}

describe('POST /api/stripe/webhook signature checks', () => {
  const event = () =>
    stripeEvent(
      'customer.subscription.created',
      subscriptionObject({
        id: stripeId('sub'),
        customer: stripeId('cus'),
        status: 'active',
        lookupKey: 'levqor_pro_monthly',
        workspaceId: owner.workspaceId,
      }),
    );
  const cases: [string, () => Request][] = [
    ['signed with another secret (forged)', () => signedWebhookRequest(event(), { secret: 'whsec_someone_else' })],
    [
      'signed ten minutes ago (stale replay)',
      () => signedWebhookRequest(event(), { timestamp: Math.floor(Date.now() / 1000) - 600 }),
    ],
    [
      'signed ten minutes in the future (pre-signed replay)',
      () => signedWebhookRequest(event(), { timestamp: Math.floor(Date.now() / 1000) + 600 }),
    ],
    [
      'body changed after signing',
      () => {
        const original = event();
        const signed = signedWebhookRequest(original);
        const tampered = JSON.stringify({
          ...original,
          data: {
            object: {
              ...original.data.object,
              status: 'active',
              metadata: { workspace_id: owner.workspaceId, lookup_key: 'levqor_business_yearly' },
            },
          },
        });
        return new Request(signed.url, { method: 'POST', headers: signed.headers, body: tampered });
      },
    ],
    ['no signature header', () => signedWebhookRequest(event(), { signature: null })],
    ['a garbage signature header', () => signedWebhookRequest(event(), { signature: 't=1,v1=deadbeef' })],
  ];

  it.each(cases)('refuses a delivery %s with 400 and changes nothing', async (_name, build) => {
    const before = await counts();
    const response = await POST(build());
    expect(response.status).toBe(400);
    expect((await response.json()).error.code).toBe('bad_request');
    expect(await counts()).toEqual(before);
    expect((await getEntitlements(test.db, owner.workspaceId)).plan).toBe('free');
  });

  it('accepts a signature a minute ahead of our clock (skew within the tolerance)', async () => {
    const ahead = stripeEvent(
      'customer.subscription.created',
      subscriptionObject({
        id: stripeId('sub'),
        customer: stripeId('cus'),
        status: 'active',
        lookupKey: 'levqor_pro_monthly',
      }),
    );
    await expect(
      verifyStripeEvent(signedWebhookRequest(ahead, { timestamp: Math.floor(Date.now() / 1000) + 60 }), {
        STRIPE_WEBHOOK_SECRET: TEST_WEBHOOK_SECRET,
      }),
    ).resolves.toMatchObject({ id: ahead.id });
  });

  it('answers 503 when no webhook secret is configured', async () => {
    await expect(verifyStripeEvent(signedWebhookRequest(event()), {})).rejects.toMatchObject({
      code: 'not_configured',
    });
  });
});

describe('POST /api/stripe/webhook processing', () => {
  it('activates the plan from a signed subscription event', async () => {
    const workspace = await seedMember(test.db, 'owner');
    const event = stripeEvent(
      'customer.subscription.created',
      subscriptionObject({
        id: stripeId('sub'),
        customer: stripeId('cus'),
        status: 'active',
        lookupKey: 'levqor_pro_yearly',
        workspaceId: workspace.workspaceId,
      }),
    );
    const response = await POST(signedWebhookRequest(event));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ received: true, duplicate: false });
    const entitlements = await getEntitlements(test.db, workspace.workspaceId);
    expect(entitlements).toMatchObject({ plan: 'pro', effectivePlan: 'pro', status: 'active' });
    expect(entitlements.limits.workflows).toBe(250);
  });

  it('maps a subscription on a legacy tier price onto the current plan', async () => {
    const workspace = await seedMember(test.db, 'owner');
    const event = stripeEvent(
      'customer.subscription.created',
      subscriptionObject({
        id: stripeId('sub'),
        customer: stripeId('cus'),
        status: 'active',
        lookupKey: 'levqor_team_monthly',
        workspaceId: workspace.workspaceId,
      }),
    );
    expect((await POST(signedWebhookRequest(event))).status).toBe(200);
    expect(await getEntitlements(test.db, workspace.workspaceId)).toMatchObject({ plan: 'growth', status: 'active' });
  });

  it('acknowledges an unknown event type with 200 and a log line', async () => {
    const info = vi.spyOn(logger, 'info');
    const event = stripeEvent('payout.paid', { id: stripeId('po'), object: 'payout' });
    const response = await POST(signedWebhookRequest(event));
    expect(response.status).toBe(200);
    const row = await test.db
      .selectFrom('stripe_events')
      .select(['type', 'outcome'])
      .where('id', '=', event.id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ type: 'payout.paid', outcome: 'ignored' });
    expect(
      info.mock.calls.some(
        ([fields, message]) =>
          (fields as { type?: string }).type === 'payout.paid' && String(message).includes('not handled'),
      ),
    ).toBe(true);
  });

  it('acknowledges a handled event whose object lacks what we read, without effect', async () => {
    const event = stripeEvent('invoice.paid', { id: stripeId('in'), object: 'invoice' });
    const response = await POST(signedWebhookRequest(event));
    expect(response.status).toBe(200);
    const row = await test.db
      .selectFrom('stripe_events')
      .select('outcome')
      .where('id', '=', event.id)
      .executeTakeFirstOrThrow();
    expect(row.outcome).toBe('ignored');
  });

  it('applies a duplicate delivered one after another exactly once', async () => {
    const workspace = await seedMember(test.db, 'owner');
    const event = paidInvoiceEvent(workspace.workspaceId);
    const before = await counts();
    const responses = [];
    for (let i = 0; i < 3; i++) responses.push(await POST(signedWebhookRequest(event)));
    expect(responses.map((r) => r.status)).toEqual([200, 200, 200]);
    expect(await Promise.all(responses.map((r) => r.json()))).toEqual([
      { received: true, duplicate: false },
      { received: true, duplicate: true },
      { received: true, duplicate: true },
    ]);
    const after = await counts();
    expect(after.events - before.events).toBe(1);
    expect(after.ledger - before.ledger).toBe(1);
    expect(after.emails - before.emails).toBe(1);
    const balance = await test.db
      .selectFrom('credit_balances')
      .select('balance')
      .where('workspace_id', '=', workspace.workspaceId)
      .executeTakeFirstOrThrow();
    expect(balance.balance).toBe(2_000);
  });

  it('applies ten copies delivered in parallel exactly once', async () => {
    const workspace = await seedMember(test.db, 'owner');
    const event = paidInvoiceEvent(workspace.workspaceId);
    const before = await counts();
    const responses = await Promise.all(Array.from({ length: 10 }, () => POST(signedWebhookRequest(event))));
    expect(responses.every((r) => r.status === 200)).toBe(true);
    const bodies = await Promise.all(responses.map((r) => r.json() as Promise<{ duplicate: boolean }>));
    expect(bodies.filter((body) => !body.duplicate)).toHaveLength(1);
    const after = await counts();
    expect(after.events - before.events).toBe(1);
    expect(after.invoices - before.invoices).toBe(1);
    expect(after.ledger - before.ledger).toBe(1);
    expect(after.emails - before.emails).toBe(1);
    const ledger = await test.db
      .selectFrom('credit_ledger')
      .select(['delta', 'balance_after'])
      .where('workspace_id', '=', workspace.workspaceId)
      .execute();
    expect(ledger).toEqual([{ delta: 2_000, balance_after: 2_000 }]);
  });

  it('keeps a subscription event whose customer is not yet known, and applies it once checkout links the customer', async () => {
    const workspace = await seedMember(test.db, 'owner');
    const customer = stripeId('cus');
    const subscription = stripeId('sub');
    const created = stripeEvent(
      'customer.subscription.created',
      subscriptionObject({ id: subscription, customer, status: 'active', lookupKey: 'levqor_starter_monthly' }),
    );
    expect((await POST(signedWebhookRequest(created))).status).toBe(200);
    expect((await getEntitlements(test.db, workspace.workspaceId)).plan).toBe('free');
    const completed = stripeEvent('checkout.session.completed', {
      id: stripeId('cs'),
      object: 'checkout.session',
      mode: 'subscription',
      status: 'complete',
      payment_status: 'paid',
      customer,
      subscription,
      client_reference_id: workspace.workspaceId,
      metadata: { workspace_id: workspace.workspaceId, lookup_key: 'levqor_starter_monthly' },
      amount_total: 900,
      currency: 'gbp',
    });
    expect((await POST(signedWebhookRequest(completed))).status).toBe(200);
    expect(await getEntitlements(test.db, workspace.workspaceId)).toMatchObject({ plan: 'starter', status: 'active' });
  });
});
