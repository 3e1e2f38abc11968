import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getEntitlements } from '@/lib/billing/get-entitlements';
import { processStripeEvent } from '@/lib/billing/webhook/process-stripe-event';
import { stripeEventSchema } from '@/lib/billing/webhook/stripe-objects';
import { jobDefinitions } from '@/lib/jobs/definitions';
import { logger } from '@/lib/logger';
import { seedMember } from '../accounts/seed';
import { invoiceObject, stripeEvent, type TestEvent, subscriptionObject } from '../helpers/stripe-stand-in';
import { createTestDb, type TestDb } from '../helpers/test-db';

let test: TestDb;
beforeAll(async () => {
  test = await createTestDb();
});
afterAll(() => test.close());

type Step =
  'upgrade' | 'downgrade' | 'fail' | 'recover' | 'renew' | 'cancel_at_period_end' | 'trial_will_end' | 'delete';
type Scenario = { trial: boolean; steps: { step: Step; gap: number }[] };

const scenarioArb: fc.Arbitrary<Scenario> = fc.record({
  trial: fc.boolean(),
  steps: fc.array(
    fc.record({
      step: fc.constantFrom<Step>(
        'upgrade',
        'downgrade',
        'fail',
        'recover',
        'renew',
        'cancel_at_period_end',
        'trial_will_end',
        'delete',
      ),
      gap: fc.integer({ min: 0, max: 2 }),
    }),
    { minLength: 1, maxLength: 7 },
  ),
});

const T0 = 1_893_456_000; // 2030-01-01, so grace periods are judged at a fixed time
const NOW = new Date((T0 + 3 * 86_400) * 1000);

/** The events Stripe would send for the scenario, in the order they happened; ids unique to `tag`. */
function buildEvents(
  scenario: Scenario,
  tag: string,
  workspaceId: string,
): { events: TestEvent[]; distinctTimes: boolean; expected: { status: string; plan: string } } {
  const customer = `cus_${tag}`;
  const sub = `sub_${tag}`;
  let seq = 0;
  let time = T0;
  const events: TestEvent[] = [];
  const emit = (type: string, object: Record<string, unknown>) =>
    events.push(stripeEvent(type, object, time, `evt_${tag}_${String(seq++).padStart(3, '0')}`));
  const state = {
    status: scenario.trial ? 'trialing' : 'active',
    lookupKey: 'levqor_growth_monthly',
    cancelAtPeriodEnd: false,
    openInvoice: null as string | null,
  };
  const snapshot = () =>
    subscriptionObject({
      id: sub,
      customer,
      status: state.status,
      lookupKey: state.lookupKey,
      workspaceId,
      periodStart: T0,
      trialEnd: scenario.trial ? T0 + 14 * 86_400 : null,
      cancelAtPeriodEnd: state.cancelAtPeriodEnd,
    });

  emit('checkout.session.completed', {
    id: `cs_${tag}`,
    object: 'checkout.session',
    mode: 'subscription',
    status: 'complete',
    payment_status: 'paid',
    customer,
    subscription: sub,
    client_reference_id: workspaceId,
    metadata: { workspace_id: workspaceId, lookup_key: state.lookupKey },
    amount_total: 2_900,
    currency: 'gbp',
  });
  emit('customer.subscription.created', snapshot());
  if (!scenario.trial)
    emit(
      'invoice.paid',
      invoiceObject({
        id: `in_${tag}_first`,
        customer,
        subscription: sub,
        amount: 2_900,
        created: time,
        workspaceId,
        lookupKey: state.lookupKey,
      }),
    );
  let times = new Set(events.map((event) => event.created));
  let distinctTimes = true;
  for (const { step, gap } of scenario.steps) {
    if (state.status === 'canceled') break;
    time += gap;
    if (times.has(time)) distinctTimes = false;
    const before = seq;
    if (step === 'upgrade' || step === 'downgrade') {
      state.lookupKey = step === 'upgrade' ? 'levqor_pro_monthly' : 'levqor_starter_yearly';
      emit('customer.subscription.updated', snapshot());
    } else if (step === 'fail' && state.status !== 'past_due') {
      state.openInvoice = `in_${tag}_${seq}`;
      state.status = 'past_due';
      emit(
        'invoice.payment_failed',
        invoiceObject({
          id: state.openInvoice,
          customer,
          subscription: sub,
          amount: 2_900,
          created: time,
          workspaceId,
          lookupKey: state.lookupKey,
        }),
      );
      emit('customer.subscription.updated', snapshot());
    } else if (step === 'recover' && state.openInvoice) {
      state.status = 'active';
      emit(
        'invoice.paid',
        invoiceObject({
          id: state.openInvoice,
          customer,
          subscription: sub,
          amount: 2_900,
          created: time,
          workspaceId,
          lookupKey: state.lookupKey,
        }),
      );
      emit('customer.subscription.updated', snapshot());
      state.openInvoice = null;
    } else if (step === 'renew' && state.status === 'active') {
      emit(
        'invoice.paid',
        invoiceObject({
          id: `in_${tag}_${seq}`,
          customer,
          subscription: sub,
          amount: 2_900,
          created: time,
          workspaceId,
          lookupKey: state.lookupKey,
        }),
      );
    } else if (step === 'cancel_at_period_end') {
      state.cancelAtPeriodEnd = true;
      emit('customer.subscription.updated', snapshot());
    } else if (step === 'trial_will_end' && state.status === 'trialing') {
      emit('customer.subscription.trial_will_end', snapshot());
    } else if (step === 'delete') {
      state.status = 'canceled';
      emit('customer.subscription.deleted', snapshot());
    }
    if (seq > before + 1) distinctTimes = false; // two events of one step share a second
    times = new Set(events.map((event) => event.created));
  }
  const plan = state.lookupKey.split('_')[1]!;
  return {
    events,
    distinctTimes,
    expected: { status: state.status, plan: state.status === 'canceled' ? 'free' : plan },
  };
}

async function deliver(events: TestEvent[]) {
  for (const event of events) await processStripeEvent(test.db, stripeEventSchema.parse(event), { now: NOW });
}

async function outcome(workspaceId: string) {
  const entitlements = await getEntitlements(test.db, workspaceId, NOW);
  const balance = await test.db
    .selectFrom('credit_balances')
    .select('balance')
    .where('workspace_id', '=', workspaceId)
    .executeTakeFirst();
  return {
    ...entitlements,
    graceUntil: entitlements.graceUntil?.toISOString() ?? null,
    credits: balance?.balance ?? 0,
  };
}

let runs = 0;
const nextTag = () => `r${String(++runs).padStart(5, '0')}${Math.random().toString(36).slice(2, 8).padEnd(6, '0')}`;

describe('out-of-order webhook delivery', () => {
  it('ends in the same entitlement for any permutation (with duplicates) of a subscription’s events', async () => {
    await fc.assert(
      fc.asyncProperty(
        scenarioArb.chain((scenario) => {
          const count = buildEvents(scenario, 'probe0000000', '00000000-0000-0000-0000-000000000000').events.length;
          const indices = Array.from({ length: count }, (_, i) => i);
          return fc.tuple(
            fc.constant(scenario),
            fc.shuffledSubarray(indices, { minLength: count, maxLength: count }),
            fc.array(fc.nat(count - 1), { maxLength: 4 }),
          );
        }),
        async ([scenario, order, duplicates]) => {
          const [inOrder, shuffled] = [await seedMember(test.db, 'owner'), await seedMember(test.db, 'owner')];
          const baseline = buildEvents(scenario, nextTag(), inOrder.workspaceId);
          await deliver(baseline.events);
          const permuted = buildEvents(scenario, nextTag(), shuffled.workspaceId).events;
          await deliver([...order.map((i) => permuted[i]!), ...duplicates.map((i) => permuted[i]!)]);

          const expected = await outcome(inOrder.workspaceId);
          expect(await outcome(shuffled.workspaceId)).toEqual(expected);
          if (baseline.distinctTimes)
            expect({ status: expected.status, plan: expected.plan }).toEqual(baseline.expected);
        },
      ),
      { numRuns: 25 },
    );
  }, 120_000);

  it('keeps paid features through the grace period after a failed payment, then limits them and tells the owners once', async () => {
    const { workspaceId, email } = await seedMember(test.db, 'owner');
    const tag = nextTag();
    const sub = subscriptionObject({
      id: `sub_${tag}`,
      customer: `cus_${tag}`,
      status: 'active',
      lookupKey: 'levqor_pro_monthly',
      workspaceId,
      periodStart: T0,
    });
    await deliver([stripeEvent('customer.subscription.created', sub, T0, `evt_${tag}_1`)]);
    await deliver([
      stripeEvent(
        'invoice.payment_failed',
        invoiceObject({
          id: `in_${tag}`,
          customer: `cus_${tag}`,
          subscription: `sub_${tag}`,
          amount: 7_900,
          created: T0 + 60,
          workspaceId,
        }),
        T0 + 60,
        `evt_${tag}_2`,
      ),
    ]);

    const during = await getEntitlements(test.db, workspaceId, new Date((T0 + 6 * 86_400) * 1000));
    expect(during).toMatchObject({ plan: 'pro', effectivePlan: 'pro', status: 'past_due', limited: false });
    expect(during.graceUntil?.toISOString()).toBe(new Date((T0 + 60 + 7 * 86_400) * 1000).toISOString());
    const after = await getEntitlements(test.db, workspaceId, new Date((T0 + 8 * 86_400) * 1000));
    expect(after).toMatchObject({ plan: 'pro', effectivePlan: 'free', status: 'past_due', limited: true });
    expect(after.limits.workflows).toBe(5);

    const emails = await test.db
      .selectFrom('email_outbox')
      .select(['kind', 'text'])
      .where('kind', '=', 'billing.payment_failed')
      .execute();
    expect(emails.some((email) => email.text.includes('keeps working until'))).toBe(true);

    const job = jobDefinitions.find((definition) => definition.id === 'billing-dunning')!;
    const afterGrace = new Date((T0 + 8 * 86_400) * 1000);
    await job.run({ db: test.db, now: afterGrace, logger });
    expect(await job.run({ db: test.db, now: afterGrace, logger })).toEqual({ notified: 0 });
    const limitedEmails = await test.db
      .selectFrom('email_outbox')
      .select('subject')
      .where('kind', '=', 'billing.features_limited')
      .where('to_address', '=', email)
      .execute();
    expect(limitedEmails).toEqual([{ subject: 'Your Levqor workspace is now limited' }]);

    await deliver([
      stripeEvent(
        'invoice.paid',
        invoiceObject({
          id: `in_${tag}`,
          customer: `cus_${tag}`,
          subscription: `sub_${tag}`,
          amount: 7_900,
          created: T0 + 60,
          workspaceId,
        }),
        T0 + 3_600,
        `evt_${tag}_3`,
      ),
    ]);
    expect(await getEntitlements(test.db, workspaceId, new Date((T0 + 8 * 86_400) * 1000))).toMatchObject({
      effectivePlan: 'pro',
      status: 'active',
      limited: false,
    });
  });
});
