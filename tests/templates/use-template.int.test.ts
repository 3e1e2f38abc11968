import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
// NOTE: renamed on import: React's lint rules take any `use…` call for a hook.
import { useTemplate as copyTemplate } from '@/lib/templates/use-template';
import { decideApproval } from '@/lib/workflows/approvals/decide-approval';
import { forgetRunsFlag } from '@/lib/workflows/engine/admit-run';
import { createRun } from '@/lib/workflows/runs/create-run';
import { getRun } from '@/lib/workflows/runs/get-run';
import { backupStep } from '@/lib/workflows/steps/backup';
import { emailStep } from '@/lib/workflows/steps/email';
import { httpRequestStep } from '@/lib/workflows/steps/http-request';
import { seedMember, type Seeded } from '../accounts/seed';
import { createTestDb, type TestDb } from '../helpers/test-db';
import { driveToEnd, engineDeps, testClock } from '../workflows/fixtures';

let t: TestDb;
let owner: Seeded;

beforeAll(async () => {
  t = await createTestDb();
});
afterAll(() => t.close());
beforeEach(async () => {
  owner = await seedMember(t.db, 'owner');
  forgetRunsFlag();
});

/** A copy starts disabled (its setup checklist first); these tests stand in for a finished setup. */
async function copyAndSwitchOn(slug: string, overrides?: { name: string }) {
  const workflow = await copyTemplate(t.db, owner.scope, slug, overrides);
  expect(workflow.enabled).toBe(false);
  await t.db.updateTable('workflows').set({ enabled: true }).where('id', '=', workflow.id).execute();
  return workflow;
}

const webhookRun = (workflowId: string, body: unknown) =>
  createRun(t.db, {
    workspaceId: owner.workspaceId,
    workflowId,
    trigger: 'webhook',
    payload: { body, receivedAt: '2026-11-23T10:00:00.000Z' },
  });

describe('using a template', () => {
  it('copies the webhook archive into the workspace and runs it to success, storing the delivery as a snapshot', async () => {
    const workflow = await copyAndSwitchOn('webhook-payload-archive');
    expect(workflow).toMatchObject({
      name: 'Archive every incoming webhook',
      currentVersion: 1,
      trigger: { type: 'webhook' },
    });
    expect(workflow.webhookUrl).toMatch(/\/api\/hooks\/wh_/);
    const stored = await t.db
      .selectFrom('workflows')
      .select('workspace_id')
      .where('id', '=', workflow.id)
      .executeTakeFirstOrThrow();
    expect(stored.workspace_id).toBe(owner.workspaceId);

    const clock = testClock();
    const run = await webhookRun(workflow.id, { order: 42, total: '19.99' });
    const { last } = await driveToEnd(t.db, run.id, engineDeps(clock, { backup: backupStep }), clock);
    expect(last).toEqual({ kind: 'finished', status: 'succeeded' });

    const detail = await getRun(t.db, owner.scope, run.id);
    expect(detail.stepRuns.map((step) => [step.stepId, step.status])).toEqual([
      ['shape', 'succeeded'],
      ['save_snapshot', 'succeeded'],
      ['record', 'succeeded'],
    ]);
    const snapshot = await t.db
      .selectFrom('backup_snapshots')
      .select(['name', 'format', 'content', 'workspace_id'])
      .where('workflow_id', '=', workflow.id)
      .executeTakeFirstOrThrow();
    expect(snapshot).toMatchObject({ name: 'Webhook delivery', format: 'json', workspace_id: owner.workspaceId });
    expect(JSON.parse(Buffer.from(snapshot.content).toString('utf8'))).toEqual({
      receivedAt: '2026-11-23T10:00:00.000Z',
      payload: { order: 42, total: '19.99' },
    });
  });

  it('holds a refund over £100 for a manager, then refunds it through Stripe and emails the customer', async () => {
    const calls: { url: string; method?: string; body?: unknown; key: string | null }[] = [];
    const fakeStripe = async (url: string, init?: RequestInit) => {
      calls.push({
        url,
        method: init?.method,
        body: init?.body,
        key: new Headers(init?.headers).get('idempotency-key'),
      });
      return Response.json({ id: 're_123', object: 'refund', status: 'succeeded' });
    };
    const workflow = await copyAndSwitchOn('refund-approval-over-100', { name: 'Refunds (shop)' });
    expect(workflow.name).toBe('Refunds (shop)');
    const clock = testClock();
    const deps = engineDeps(clock, { http_request: httpRequestStep, email: emailStep }, { fetch: fakeStripe });
    const run = await webhookRun(workflow.id, {
      payment_intent: 'pi_123',
      amount: 149.5,
      currency: 'GBP',
      order: '#1001',
      customer_email: 'ada@example.com',
      reason: 'damaged',
    });

    const waiting = await driveToEnd(t.db, run.id, deps, clock);
    expect(waiting.last).toMatchObject({ kind: 'wait_approval' });
    expect(calls).toEqual([]);
    await decideApproval(
      t.db,
      owner.scope,
      (waiting.last as { approvalId: string }).approvalId,
      { decision: 'approve' },
      clock.now(),
    );

    const { last } = await driveToEnd(t.db, run.id, deps, clock);
    expect(last).toEqual({ kind: 'finished', status: 'succeeded' });
    expect(calls).toEqual([
      {
        url: 'https://api.stripe.com/v1/refunds',
        method: 'POST',
        body: 'payment_intent=pi_123&reason=requested_by_customer',
        key: `${run.id}:refund`,
      },
    ]);
    const email = await t.db
      .selectFrom('email_outbox')
      .select(['subject', 'text'])
      .where('to_address', '=', 'ada@example.com')
      .executeTakeFirstOrThrow();
    expect(email.subject).toBe('Your refund for order #1001');
    expect(email.text).toContain('We have refunded 149.5 GBP for order #1001');
  });

  it('refunds a small amount without asking anyone', async () => {
    const calls: string[] = [];
    const workflow = await copyAndSwitchOn('refund-approval-over-100');
    const clock = testClock();
    const deps = engineDeps(
      clock,
      { http_request: httpRequestStep, email: emailStep },
      { fetch: async (url) => (calls.push(url), Response.json({ id: 're_1', object: 'refund' })) },
    );
    const run = await webhookRun(workflow.id, {
      payment_intent: 'pi_9',
      amount: 20,
      currency: 'GBP',
      order: '#1002',
      customer_email: 'bo@example.com',
      reason: 'size',
    });
    expect((await driveToEnd(t.db, run.id, deps, clock)).last).toEqual({ kind: 'finished', status: 'succeeded' });
    expect(calls).toEqual(['https://api.stripe.com/v1/refunds']);
    expect((await getRun(t.db, owner.scope, run.id)).stepRuns.map((step) => step.stepId)).toEqual([
      'check_amount',
      'refund',
      'tell_customer',
    ]);
  });

  it('keeps a lead below the thresholds out of the sales channel', async () => {
    const workflow = await copyAndSwitchOn('hot-lead-slack-alert');
    const clock = testClock();
    const run = await webhookRun(workflow.id, {
      name: 'Ada',
      email: 'ada@example.com',
      company: 'Tiny Ltd',
      budget: 800,
      company_size: 3,
    });
    expect((await driveToEnd(t.db, run.id, engineDeps(clock), clock)).last).toEqual({
      kind: 'finished',
      status: 'succeeded',
    });
    const detail = await getRun(t.db, owner.scope, run.id);
    expect(detail.stepRuns.map((step) => step.stepId)).toEqual(['score', 'record']);
    expect(detail.stepRuns[1]!.output).toMatchObject({ message: 'Lead ada@example.com kept for normal follow-up' });
  });

  it('refuses an unknown template', async () => {
    await expect(copyTemplate(t.db, owner.scope, 'no-such-template')).rejects.toMatchObject({ code: 'not_found' });
  });

  it('refuses an API key without the write scope', async () => {
    const readOnly = { ...owner.scope, via: 'apiKey' as const, scopes: ['read' as const] };
    await expect(copyTemplate(t.db, readOnly, 'webhook-payload-archive')).rejects.toMatchObject({ code: 'forbidden' });
  });
});
