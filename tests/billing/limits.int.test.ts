import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertWithinLimit } from '@/lib/billing/assert-within-limit';
import { grantCredits } from '@/lib/billing/grant-credits';
import { flushApiCalls, recordUsage } from '@/lib/billing/record-usage';
import { inviteMember } from '@/lib/workspaces/invite-member';
import { acceptInvitation } from '@/lib/workspaces/accept-invitation';
import { seedMember } from '../accounts/seed';
import { createTestDb, type TestDb } from '../helpers/test-db';

let test: TestDb;
beforeAll(async () => {
  test = await createTestDb();
});
afterAll(() => test.close());

async function addWorkflows(workspaceId: string, count: number) {
  const rows = Array.from({ length: count }, (_, i) => ({
    workspace_id: workspaceId,
    name: `Workflow ${i}`,
    current_version: 1,
    trigger_type: 'manual',
    webhook_token: randomBytes(12).toString('hex'),
    webhook_secret: 'x',
  }));
  await test.db.insertInto('workflows').values(rows).execute();
}

const setPlan = (
  workspaceId: string,
  plan: 'starter' | 'pro',
  status: 'active' | 'past_due' = 'active',
  graceUntil: Date | null = null,
) =>
  test.db
    .insertInto('billing_accounts')
    .values({ workspace_id: workspaceId, plan, status, grace_until: graceUntil })
    .execute();

describe('plan limits', () => {
  it('lets a free workspace have 5 workflows, then names the limit, the plan and the upgrade path', async () => {
    const { workspaceId } = await seedMember(test.db, 'owner');
    await addWorkflows(workspaceId, 4);
    await expect(assertWithinLimit(test.db, workspaceId, 'workflows')).resolves.toMatchObject({
      plan: 'free',
      used: 4,
      allowed: 5,
    });
    await addWorkflows(workspaceId, 1);
    const error = await assertWithinLimit(test.db, workspaceId, 'workflows').catch((e: unknown) => e);
    expect(error).toMatchObject({
      code: 'limit_reached',
      status: 429,
      details: {
        limit: 'workflows',
        plan: 'free',
        used: 5,
        allowed: 5,
        upgradeUrl: 'http://localhost:3000/pricing?limit=workflows',
      },
    });
    expect((error as Error).message).toBe(
      "Your workspace has reached the Free plan's limit of 5 workflows (5 in use). Upgrade to Starter for 20 workflows: http://localhost:3000/pricing?limit=workflows",
    );
  });

  it('applies a paid plan’s limits and an operator’s override', async () => {
    const { workspaceId } = await seedMember(test.db, 'owner');
    await setPlan(workspaceId, 'starter');
    await addWorkflows(workspaceId, 6);
    await expect(assertWithinLimit(test.db, workspaceId, 'workflows', { adding: 14 })).resolves.toMatchObject({
      plan: 'starter',
      allowed: 20,
    });
    await expect(assertWithinLimit(test.db, workspaceId, 'workflows', { adding: 15 })).rejects.toMatchObject({
      details: { plan: 'starter', allowed: 20 },
    });
    await test.db
      .updateTable('billing_accounts')
      .set({ limit_overrides: JSON.stringify({ workflows: 100 }) })
      .where('workspace_id', '=', workspaceId)
      .execute();
    await expect(assertWithinLimit(test.db, workspaceId, 'workflows', { adding: 15 })).resolves.toMatchObject({
      allowed: 100,
    });
  });

  it('counts this month’s runs, lets credits pay for runs beyond the allowance, and refuses when none are left', async () => {
    const { workspaceId } = await seedMember(test.db, 'owner');
    await setPlan(workspaceId, 'starter');
    const now = new Date('2031-03-15T10:00:00Z');
    await recordUsage(test.db, workspaceId, 'workflow_runs', 10_000, now);
    await recordUsage(test.db, workspaceId, 'workflow_runs', 5, new Date('2031-02-28T23:00:00Z'));
    const error = await assertWithinLimit(test.db, workspaceId, 'runs_per_month', { now }).catch((e: unknown) => e);
    expect(error).toMatchObject({
      code: 'limit_reached',
      details: { limit: 'runs_per_month', plan: 'starter', used: 10_000, allowed: 10_000 },
    });
    expect((error as Error).message).toMatch(
      /used 10,000 of the 10,000 workflow runs the Starter plan includes this month.*Upgrade to Growth for 50,000 workflow runs a month or buy a credit pack/,
    );
    await grantCredits(test.db, workspaceId, { amount: 3, reason: 'test', idempotencyKey: 'g' });
    await expect(assertWithinLimit(test.db, workspaceId, 'runs_per_month', { now })).resolves.toMatchObject({
      creditsToSpend: 1,
    });
    await expect(
      assertWithinLimit(test.db, workspaceId, 'runs_per_month', { now: new Date('2031-04-01T00:00:00Z') }),
    ).resolves.toMatchObject({ used: 0, creditsToSpend: 0 });
  });

  it('checks AI credits against the balance (the free plan’s monthly credits included)', async () => {
    const { workspaceId } = await seedMember(test.db, 'owner');
    await expect(assertWithinLimit(test.db, workspaceId, 'ai_credits', { adding: 50 })).resolves.toMatchObject({
      allowed: 50,
    });
    await expect(assertWithinLimit(test.db, workspaceId, 'ai_credits', { adding: 51 })).rejects.toMatchObject({
      details: { limit: 'ai_credits', used: 51, allowed: 50 },
    });
  });

  it('limits a past-due workspace to the free plan once the grace period has ended, pointing at billing', async () => {
    const { workspaceId } = await seedMember(test.db, 'owner');
    await setPlan(workspaceId, 'pro', 'past_due', new Date('2031-01-08T00:00:00Z'));
    await addWorkflows(workspaceId, 8);
    await expect(
      assertWithinLimit(test.db, workspaceId, 'workflows', { now: new Date('2031-01-07T00:00:00Z') }),
    ).resolves.toMatchObject({ plan: 'pro' });
    const error = await assertWithinLimit(test.db, workspaceId, 'workflows', {
      now: new Date('2031-01-09T00:00:00Z'),
    }).catch((e: unknown) => e);
    expect(error).toMatchObject({ details: { plan: 'free', allowed: 5, upgradeUrl: 'http://localhost:3000/billing' } });
    expect((error as Error).message).toMatch(/a payment failed/);
  });

  it('enforces seats when inviting and when accepting an invitation', async () => {
    const owner = await seedMember(test.db, 'owner');
    await seedMember(test.db, 'member', owner.workspaceId);
    const invited = await inviteMember(
      test.db,
      owner.scope,
      { email: 'third@example.com' },
      { appUrl: 'http://levqor.test' },
    );
    await expect(
      inviteMember(test.db, owner.scope, { email: 'fourth@example.com' }, { appUrl: 'http://levqor.test' }),
    ).rejects.toMatchObject({
      code: 'limit_reached',
      details: { limit: 'seats', plan: 'free', used: 3, allowed: 3 },
    });
    // Re-inviting the same address replaces the pending invitation and needs no extra seat.
    const again = await inviteMember(
      test.db,
      owner.scope,
      { email: 'third@example.com' },
      { appUrl: 'http://levqor.test' },
    );
    expect(again.id).not.toBe(invited.id);

    const third = await test.db
      .insertInto('users')
      .values({ email: 'third@example.com' })
      .returning('id')
      .executeTakeFirstOrThrow();
    await test.db
      .insertInto('memberships')
      .values({
        workspace_id: owner.workspaceId,
        user_id: (
          await test.db
            .insertInto('users')
            .values({ email: 'sneaky@example.com' })
            .returning('id')
            .executeTakeFirstOrThrow()
        ).id,
        role: 'member',
      })
      .execute();
    await expect(
      acceptInvitation(test.db, { id: third.id, email: 'third@example.com' }, again.acceptUrl.split('/invite/')[1]!),
    ).rejects.toMatchObject({ details: { limit: 'seats' } });
  });
});

describe('usage metering', () => {
  it('buffers API calls in memory and writes them in one flush', async () => {
    const { workspaceId } = await seedMember(test.db, 'owner');
    for (let i = 0; i < 25; i++) await recordUsage(test.db, workspaceId, 'api_calls');
    const before = await test.db
      .selectFrom('usage_counters')
      .select('count')
      .where('workspace_id', '=', workspaceId)
      .where('metric', '=', 'api_calls')
      .executeTakeFirst();
    expect(before).toBeUndefined();
    expect(await flushApiCalls(test.db)).toBe(1);
    await recordUsage(test.db, workspaceId, 'api_calls', 5);
    await flushApiCalls(test.db);
    const after = await test.db
      .selectFrom('usage_counters')
      .select('count')
      .where('workspace_id', '=', workspaceId)
      .where('metric', '=', 'api_calls')
      .executeTakeFirstOrThrow();
    expect(after.count).toBe(30);
  });
});
