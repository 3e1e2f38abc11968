import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { grantCredits } from '@/lib/billing/grant-credits';
import { spendCredits } from '@/lib/billing/spend-credits';
import { processStripeEvent } from '@/lib/billing/webhook/process-stripe-event';
import { stripeEventSchema } from '@/lib/billing/webhook/stripe-objects';
import { seedMember } from '../accounts/seed';
import { stripeEvent, stripeId } from '../helpers/stripe-stand-in';
import { createTestDb, type TestDb } from '../helpers/test-db';

let test: TestDb;
beforeAll(async () => {
  test = await createTestDb();
});
afterAll(() => test.close());

async function paidWorkspace() {
  const seeded = await seedMember(test.db, 'owner');
  await test.db
    .insertInto('billing_accounts')
    .values({ workspace_id: seeded.workspaceId, plan: 'starter', status: 'active' })
    .execute();
  return seeded.workspaceId;
}

const ledgerOf = (workspaceId: string) =>
  test.db
    .selectFrom('credit_ledger')
    .select(['kind', 'delta', 'balance_after', 'reason'])
    .where('workspace_id', '=', workspaceId)
    .orderBy('id')
    .execute();
const balanceOf = async (workspaceId: string) =>
  (
    await test.db
      .selectFrom('credit_balances')
      .select('balance')
      .where('workspace_id', '=', workspaceId)
      .executeTakeFirst()
  )?.balance ?? 0;

describe('the credits ledger', () => {
  it('never goes below zero under 50 concurrent spends', async () => {
    const workspaceId = await paidWorkspace();
    await grantCredits(test.db, workspaceId, { amount: 30, reason: 'test', idempotencyKey: 'grant-30' });
    const attempts = await Promise.allSettled(
      Array.from({ length: 50 }, (_, i) => spendCredits(test.db, workspaceId, 1, 'ai_chat', `spend-${i}`)),
    );
    const spent = attempts.filter((attempt) => attempt.status === 'fulfilled');
    const refused = attempts.filter((attempt): attempt is PromiseRejectedResult => attempt.status === 'rejected');
    expect(spent).toHaveLength(30);
    expect(refused).toHaveLength(20);
    for (const attempt of refused)
      expect(attempt.reason).toMatchObject({ code: 'limit_reached', details: { limit: 'ai_credits' } });
    expect(await balanceOf(workspaceId)).toBe(0);
    const ledger = await ledgerOf(workspaceId);
    expect(ledger.reduce((sum, entry) => sum + entry.delta, 0)).toBe(0);
    expect(ledger.every((entry) => entry.balance_after >= 0)).toBe(true);
  });

  it('spends nothing more when the same idempotency key is spent twice', async () => {
    const workspaceId = await paidWorkspace();
    await grantCredits(test.db, workspaceId, { amount: 10, reason: 'test', idempotencyKey: 'g' });
    expect(await spendCredits(test.db, workspaceId, 4, 'ai_chat', 'call-1')).toEqual({ applied: true, balance: 6 });
    expect(await spendCredits(test.db, workspaceId, 4, 'ai_chat', 'call-1')).toEqual({ applied: false, balance: 6 });
    expect(await balanceOf(workspaceId)).toBe(6);
  });

  it('grants the free plan its monthly credits on the first spend of the month, once', async () => {
    const { workspaceId } = await seedMember(test.db, 'owner');
    const november = new Date('2030-11-10T12:00:00Z');
    await spendCredits(test.db, workspaceId, 10, 'ai_chat', 'a', { now: november });
    await spendCredits(test.db, workspaceId, 10, 'ai_chat', 'b', { now: november });
    expect(await balanceOf(workspaceId)).toBe(30);
    await expect(spendCredits(test.db, workspaceId, 31, 'ai_chat', 'c', { now: november })).rejects.toMatchObject({
      code: 'limit_reached',
    });
    await spendCredits(test.db, workspaceId, 31, 'ai_chat', 'c', { now: new Date('2030-12-01T00:00:00Z') });
    expect(await balanceOf(workspaceId)).toBe(49);
    const usage = await test.db
      .selectFrom('usage_counters')
      .select(['metric', sql<number>`sum(count)::int`.as('count')])
      .where('workspace_id', '=', workspaceId)
      .groupBy(['metric', 'period_start'])
      .orderBy('period_start')
      .execute();
    expect(usage).toEqual([
      { metric: 'ai_credits', count: 20 },
      { metric: 'ai_credits', count: 31 },
    ]);
  });

  it('refuses to change a ledger entry (append-only)', async () => {
    const workspaceId = await paidWorkspace();
    await grantCredits(test.db, workspaceId, { amount: 5, reason: 'test', idempotencyKey: 'g' });
    await expect(
      test.db.updateTable('credit_ledger').set({ delta: 500 }).where('workspace_id', '=', workspaceId).execute(),
    ).rejects.toThrow(/append-only/);
  });

  it('grants a paid credit pack once and claws it back on refund, never below zero', async () => {
    const workspaceId = await paidWorkspace();
    const paymentIntent = stripeId('pi');
    const session = {
      id: stripeId('cs'),
      object: 'checkout.session',
      mode: 'payment',
      status: 'complete',
      payment_status: 'paid',
      customer: stripeId('cus'),
      payment_intent: paymentIntent,
      client_reference_id: workspaceId,
      metadata: { workspace_id: workspaceId, lookup_key: 'levqor_credits_5000' },
      amount_total: 4_000,
      currency: 'gbp',
    };
    const completed = stripeEventSchema.parse(stripeEvent('checkout.session.completed', session));
    await processStripeEvent(test.db, completed);
    await processStripeEvent(test.db, { ...completed, id: stripeId('evt') });
    expect(await balanceOf(workspaceId)).toBe(5_000);
    const purchase = await test.db
      .selectFrom('billing_purchases')
      .select(['status', 'kind', 'lookup_key'])
      .where('workspace_id', '=', workspaceId)
      .executeTakeFirstOrThrow();
    expect(purchase).toEqual({ status: 'paid', kind: 'addon', lookup_key: 'levqor_credits_5000' });

    await spendCredits(test.db, workspaceId, 4_000, 'ai_chat', 'big');
    const charge = {
      id: stripeId('ch'),
      object: 'charge',
      amount: 4_000,
      amount_refunded: 2_000,
      refunded: false,
      payment_intent: paymentIntent,
    };
    await processStripeEvent(test.db, stripeEventSchema.parse(stripeEvent('charge.refunded', charge)));
    expect(await balanceOf(workspaceId)).toBe(0);
    await grantCredits(test.db, workspaceId, { amount: 3_000, reason: 'test', idempotencyKey: 'later' });
    await processStripeEvent(
      test.db,
      stripeEventSchema.parse(stripeEvent('charge.refunded', { ...charge, amount_refunded: 4_000, refunded: true })),
    );
    // 5,000 granted; 1,000 taken at the half refund (all there was), the rest up to 5,000 at the full refund.
    expect(await balanceOf(workspaceId)).toBe(0);
    const clawbacks = (await ledgerOf(workspaceId)).filter((entry) => entry.kind === 'clawback');
    expect(clawbacks.map((entry) => entry.delta)).toEqual([-1_000, -3_000]);
    expect(
      (
        await test.db
          .selectFrom('billing_purchases')
          .select('status')
          .where('workspace_id', '=', workspaceId)
          .executeTakeFirstOrThrow()
      ).status,
    ).toBe('refunded');
  });

  it('claws back all of a disputed payment’s credits', async () => {
    const { workspaceId } = await seedMember(test.db, 'owner');
    const paymentIntent = stripeId('pi');
    await grantCredits(test.db, workspaceId, {
      amount: 1_000,
      reason: 'credit_pack',
      idempotencyKey: 'pack',
      paymentRef: paymentIntent,
    });
    await grantCredits(test.db, workspaceId, { amount: 200, reason: 'other', idempotencyKey: 'other' });
    const dispute = {
      id: stripeId('dp'),
      object: 'dispute',
      charge: stripeId('ch'),
      payment_intent: paymentIntent,
      amount: 1_000,
      reason: 'fraudulent',
    };
    await processStripeEvent(test.db, stripeEventSchema.parse(stripeEvent('charge.dispute.created', dispute)));
    expect(await balanceOf(workspaceId)).toBe(200);
  });
});
