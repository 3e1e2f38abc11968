import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { seedMember, type Seeded } from '../accounts/seed';
import { createTestDb, type TestDb } from '../helpers/test-db';

delete process.env.STRIPE_SECRET_KEY;
delete process.env.STRIPE_WEBHOOK_SECRET;
delete process.env.STRIPE_API_BASE;

let test: TestDb;
let owner: Seeded;
vi.mock('@/db', () => ({ getDb: async () => test.db, getDbOrNull: async () => test.db }));
vi.mock('@/lib/auth/session-scope', () => ({
  getSessionUser: async () => ({ id: owner.userId, email: owner.email, isAdmin: false }),
  getSessionScope: async () => owner.scope,
}));

const checkoutRoute = await import('@/app/api/billing/checkout/route');
const portalRoute = await import('@/app/api/billing/portal/route');
const billingRoute = await import('@/app/api/billing/route');
const webhookRoute = await import('@/app/api/stripe/webhook/route');
const { verifyCheckoutSession } = await import('@/lib/billing/verify-checkout-session');

beforeAll(async () => {
  test = await createTestDb();
  owner = await seedMember(test.db, 'owner');
});
afterAll(() => test.close());

const post = (path: string, body: unknown) =>
  new Request(`http://levqor.test${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', host: 'levqor.test' },
    body: JSON.stringify(body),
  });

describe('billing without Stripe configured', () => {
  it('answers checkout with a clear "billing is not configured" error', async () => {
    const response = await checkoutRoute.POST(post('/api/billing/checkout', { price: 'levqor_starter_monthly' }));
    expect(response.status).toBe(503);
    const { error } = await response.json();
    expect(error.code).toBe('not_configured');
    expect(error.message).toMatch(/^Billing is not configured/);
  });

  it('answers the portal and the webhook with 503, and the welcome page with "not configured"', async () => {
    expect((await portalRoute.POST(post('/api/billing/portal', {}))).status).toBe(503);
    expect(
      (
        await webhookRoute.POST(
          new Request('http://levqor.test/api/stripe/webhook', {
            method: 'POST',
            headers: { 'stripe-signature': 't=1,v1=x' },
            body: '{}',
          }),
        )
      ).status,
    ).toBe(503);
    expect(await verifyCheckoutSession(test.db, owner.userId, 'cs_test_abcdefghij')).toEqual({
      state: 'not_configured',
    });
  });

  it('still shows the free plan with its limits and usage', async () => {
    const response = await billingRoute.GET(
      new Request('http://levqor.test/api/billing', { headers: { host: 'levqor.test' } }),
    );
    expect(response.status).toBe(200);
    const summary = await response.json();
    expect(summary.entitlements).toMatchObject({
      plan: 'free',
      status: 'free',
      limits: { workflows: 5, runs_per_month: 1_000 },
    });
    expect(summary.meters.seats).toEqual({ used: 1, allowed: 3 });
    expect(summary.credits.available).toBe(50);
  });
});
