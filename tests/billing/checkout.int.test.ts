import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { seedMember } from '../accounts/seed';
import {
  signedWebhookRequest,
  startStripeStandIn,
  type StripeStandIn,
  TEST_SECRET_KEY,
  TEST_WEBHOOK_SECRET,
} from '../helpers/stripe-stand-in';
import { database, request, session, TEST_ORIGIN } from '../helpers/route-request';
import { createTestDb, type TestDb } from '../helpers/test-db';

const standIn: StripeStandIn = await startStripeStandIn({
  apiKey: TEST_SECRET_KEY,
  webhookSecret: TEST_WEBHOOK_SECRET,
});
process.env.STRIPE_SECRET_KEY = TEST_SECRET_KEY;
process.env.STRIPE_API_BASE = standIn.url;
process.env.STRIPE_WEBHOOK_SECRET = TEST_WEBHOOK_SECRET;

let test: TestDb;
vi.mock('@/db', async () => (await import('../helpers/route-request')).dbModule());
vi.mock('@/lib/auth/session-scope', async () => (await import('../helpers/route-request')).sessionModule());

const checkoutRoute = await import('@/app/api/billing/checkout/route');
const portalRoute = await import('@/app/api/billing/portal/route');
const billingRoute = await import('@/app/api/billing/route');
const webhookRoute = await import('@/app/api/stripe/webhook/route');
const { syncCatalogue } = await import('@/lib/billing/sync-catalogue');
const { getStripe } = await import('@/lib/billing/stripe-client');
const { verifyCheckoutSession } = await import('@/lib/billing/verify-checkout-session');

const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
  request(path, { method: 'POST', json: body, headers: { origin: TEST_ORIGIN, ...headers } });

const checkout = async (body: unknown, headers: Record<string, string> = {}) => {
  const response = await checkoutRoute.POST(post('/api/billing/checkout', body, headers));
  return {
    status: response.status,
    body: (await response.json()) as { id: string; url: string; error?: { code: string; message: string } },
  };
};
const sessionPosts = () => standIn.requests.filter((r) => r.method === 'POST' && r.path === '/v1/checkout/sessions');

beforeAll(async () => {
  test = await createTestDb();
  database.current = test;
  await syncCatalogue(getStripe()!);
});
afterAll(async () => {
  await test.close();
  await standIn.close();
  for (const name of ['STRIPE_SECRET_KEY', 'STRIPE_API_BASE', 'STRIPE_WEBHOOK_SECRET']) delete process.env[name];
});
beforeEach(async () => {
  session.current = await seedMember(test.db, 'owner');
  await test.db.deleteFrom('rate_limits').execute();
});

describe('POST /api/billing/checkout', () => {
  it('creates a subscription checkout in the visitor’s regional currency with the purchasing-power coupon', async () => {
    const { status, body } = await checkout({ price: 'levqor_growth_monthly' }, { 'x-vercel-ip-country': 'IN' });
    expect(status).toBe(201);
    expect(body.url).toBe(`${standIn.url}/pay/${body.id}`);
    const created = standIn.state.sessions.get(body.id)!;
    expect(created).toMatchObject({
      mode: 'subscription',
      currency: 'usd',
      amount_total: 1_560,
      discounts: [{ coupon: 'levqor_ppp_60' }],
      client_reference_id: session.current!.workspaceId,
    });
    expect(created.metadata).toEqual({
      workspace_id: session.current!.workspaceId,
      lookup_key: 'levqor_growth_monthly',
      region: 'india',
    });
    expect(created.success_url).toBe('http://localhost:3000/welcome?session_id={CHECKOUT_SESSION_ID}');
    const customer = standIn.state.customers.get(created.customer)!;
    expect(customer.metadata).toEqual({ workspace_id: session.current!.workspaceId });
  });

  it('charges GBP by default, sends a German visitor back to German pages, and sells a DFY package in payment mode', async () => {
    const uk = await checkout({ price: 'levqor_dfy_growth', locale: 'de' });
    expect(uk.status).toBe(201);
    expect(standIn.state.sessions.get(uk.body.id)).toMatchObject({
      mode: 'payment',
      currency: 'gbp',
      amount_total: 99_900,
      discounts: [],
      locale: 'de',
    });
    expect(standIn.state.sessions.get(uk.body.id)!.success_url).toBe(
      'http://localhost:3000/de/welcome?session_id={CHECKOUT_SESSION_ID}',
    );
    const euro = await checkout({ price: 'levqor_credits_1000' }, { 'x-vercel-ip-country': 'FR' });
    expect(standIn.state.sessions.get(euro.body.id)).toMatchObject({ currency: 'eur', amount_total: 1_200 });
  });

  it('accepts a legacy plan key and a chosen currency, but not a deeper discount than the visitor’s country', async () => {
    const legacy = await checkout({ price: 'levqor_team_yearly', region: 'united_states' });
    expect(standIn.state.sessions.get(legacy.body.id)).toMatchObject({
      currency: 'usd',
      amount_total: 39_000,
      metadata: { lookup_key: 'levqor_growth_yearly', region: 'united_states' },
    });
    session.current = await seedMember(test.db, 'owner');
    const cheeky = await checkout({ price: 'levqor_growth_yearly', region: 'india' }, { 'x-vercel-ip-country': 'GB' });
    expect(standIn.state.sessions.get(cheeky.body.id)).toMatchObject({ currency: 'gbp', amount_total: 29_000 });
  });

  it('reuses the idempotency key when the SDK retries after a failure, creating one session', async () => {
    standIn.failNext('POST', '/v1/checkout/sessions', 500, 1);
    const before = sessionPosts().length;
    const sessionsBefore = standIn.state.sessions.size;
    const { status } = await checkout({ price: 'levqor_pro_monthly' });
    expect(status).toBe(201);
    const attempts = sessionPosts().slice(before);
    expect(attempts).toHaveLength(2);
    expect(attempts[0]!.headers['idempotency-key']).toMatch(/^checkout-[0-9a-f]{40}$/);
    expect(attempts[1]!.headers['idempotency-key']).toBe(attempts[0]!.headers['idempotency-key']);
    expect(standIn.state.sessions.size).toBe(sessionsBefore + 1);
  });

  it('returns the same session when the client retries with the same Idempotency-Key, and a new one for a new key', async () => {
    const first = await checkout({ price: 'levqor_starter_monthly' }, { 'idempotency-key': 'click-0001-abcdef' });
    const retry = await checkout({ price: 'levqor_starter_monthly' }, { 'idempotency-key': 'click-0001-abcdef' });
    const other = await checkout({ price: 'levqor_starter_monthly' }, { 'idempotency-key': 'click-0002-abcdef' });
    expect(retry.body.id).toBe(first.body.id);
    expect(other.body.id).not.toBe(first.body.id);
    const keys = sessionPosts()
      .slice(-3)
      .map((r) => r.headers['idempotency-key']);
    expect(keys[0]).toBe(keys[1]);
  });

  it('refuses members, unknown prices, a paused checkout and a second subscription', async () => {
    const owner = session.current!;
    session.current = await seedMember(test.db, 'member', owner.workspaceId);
    expect((await checkout({ price: 'levqor_pro_monthly' })).status).toBe(403);
    session.current = owner;
    expect((await checkout({ price: 'levqor_platinum_monthly' })).body.error?.code).toBe('validation_failed');

    await test.db.insertInto('feature_flags').values({ key: 'billing.checkout_enabled', enabled: false }).execute();
    try {
      const paused = await checkout({ price: 'levqor_pro_monthly' });
      expect(paused).toMatchObject({ status: 503, body: { error: { code: 'unavailable' } } });
    } finally {
      await test.db.deleteFrom('feature_flags').where('key', '=', 'billing.checkout_enabled').execute();
    }
    await test.db
      .insertInto('billing_accounts')
      .values({ workspace_id: owner.workspaceId, plan: 'starter', status: 'active' })
      .execute();
    expect((await checkout({ price: 'levqor_pro_monthly' })).body.error?.code).toBe('conflict');
    expect((await checkout({ price: 'levqor_credits_1000' })).status).toBe(201);
  });
});

describe('from checkout to an active plan', () => {
  it('activates the plan once Stripe’s signed events arrive, and the welcome page verifies the session', async () => {
    const owner = session.current!;
    const { body } = await checkout({ price: 'levqor_growth_yearly' });
    const early = await verifyCheckoutSession(test.db, owner.userId, body.id);
    expect(early).toMatchObject({ state: 'open', activated: false });

    const events = standIn.completeCheckout(body.id);
    expect(events.map((event) => event.type)).toEqual([
      'checkout.session.completed',
      'customer.subscription.created',
      'invoice.paid',
    ]);
    for (const event of [...events].reverse())
      expect((await webhookRoute.POST(signedWebhookRequest(event))).status).toBe(200);

    const verified = await verifyCheckoutSession(test.db, owner.userId, body.id);
    expect(verified).toMatchObject({
      state: 'complete',
      activated: true,
      price: { lookupKey: 'levqor_growth_yearly' },
      entitlements: { plan: 'growth', status: 'active' },
    });
    const stranger = await seedMember(test.db, 'owner');
    expect(await verifyCheckoutSession(test.db, stranger.userId, body.id)).toEqual({ state: 'not_found' });
    expect(await verifyCheckoutSession(test.db, owner.userId, 'cs_test_doesnotexist00')).toEqual({
      state: 'not_found',
    });

    const summary = await (await billingRoute.GET(request('/api/billing'))).json();
    expect(summary.entitlements).toMatchObject({ plan: 'growth', status: 'active' });
    expect(summary.credits.available).toBe(24_000);
    expect(summary.subscription).toMatchObject({ interval: 'year', cancelAtPeriodEnd: false });

    const portal = await portalRoute.POST(post('/api/billing/portal', {}));
    expect(portal.status).toBe(201);
    expect((await portal.json()).url).toBe(`${standIn.url}/portal/${standIn.state.sessions.get(body.id)!.customer}`);
    const receipt = await test.db
      .selectFrom('email_outbox')
      .select(['subject'])
      .where('to_address', '=', owner.email)
      .where('kind', '=', 'billing.receipt')
      .executeTakeFirstOrThrow();
    expect(receipt.subject).toBe('Your Levqor receipt: £290.00');
  });

  it('has no portal before the workspace has a billing account', async () => {
    const response = await portalRoute.POST(post('/api/billing/portal', {}));
    expect(response.status).toBe(404);
  });
});

describe('npm run stripe:sync', () => {
  it('changes nothing on a second run, and moves a lookup key to a new price when an amount changes', async () => {
    const stripe = getStripe()!;
    const again = await syncCatalogue(stripe);
    expect(again.created).toEqual([]);
    expect(again.updated).toEqual([]);
    expect(again.unchanged).toHaveLength(9 + 15 + 5);

    const current = [...standIn.state.prices.values()].find((price) => price.lookup_key === 'levqor_pro_monthly')!;
    current.unit_amount = 7_500; // someone edited the account by hand
    const repaired = await syncCatalogue(stripe);
    expect(repaired.updated).toEqual(['price levqor_pro_monthly']);
    const holders = [...standIn.state.prices.values()].filter((price) => price.lookup_key === 'levqor_pro_monthly');
    expect(holders).toHaveLength(1);
    expect(holders[0]).toMatchObject({
      unit_amount: 7_900,
      active: true,
      currency_options: { eur: { unit_amount: 9_200 }, usd: { unit_amount: 9_900 } },
    });
    expect(current.active).toBe(false);
  });
});
