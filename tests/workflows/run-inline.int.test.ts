import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { grantCredits } from '@/lib/billing/grant-credits';
import { setFlag } from '@/lib/flags/set-flag';
import type { WorkflowDefinitionInput } from '@/lib/workflows/definition';
import { advanceRun } from '@/lib/workflows/engine/advance-run';
import { forgetRunsFlag } from '@/lib/workflows/engine/admit-run';
import { createRun } from '@/lib/workflows/runs/create-run';
import { getRun } from '@/lib/workflows/runs/get-run';
import { listRuns } from '@/lib/workflows/runs/list-runs';
import { storeFinishedRun } from '@/lib/workflows/runs/store-finished-runs';
import { seedMember, type Seeded } from '../accounts/seed';
import { createTestDb, type TestDb } from '../helpers/test-db';
import { driveToEnd, engineDeps, seedWorkflow, testClock } from './fixtures';

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

const pureSteps: WorkflowDefinitionInput['steps'] = [
  { id: 'shape', type: 'transform', config: { value: { total: '{{trigger.payload.total}}', run: '{{run.id}}' } } },
  {
    id: 'big',
    type: 'condition',
    config: { rules: [{ left: '{{steps.shape.output.total}}', op: 'gte', right: 100 }], then: 'vip', else: 'normal' },
  },
  { id: 'vip', type: 'log', config: { message: 'VIP order of {{steps.shape.output.total}}' }, next: null },
  { id: 'normal', type: 'log', config: { message: 'normal' } },
];

async function runsUsed(workspaceId: string): Promise<number> {
  const row = await t.db
    .selectFrom('usage_counters')
    .select(sql<number>`coalesce(sum(count), 0)::int`.as('n'))
    .where('workspace_id', '=', workspaceId)
    .where('metric', '=', 'workflow_runs')
    .executeTakeFirstOrThrow();
  return row.n;
}

const start = (workflowId: string, payload: unknown = {}, triggerKey?: string) =>
  createRun(t.db, {
    workspaceId: owner.workspaceId,
    workflowId,
    trigger: 'webhook',
    payload,
    ...(triggerKey ? { triggerKey } : {}),
  });

describe('runs of pure steps', () => {
  it('finish while they are created, with every step, the branch taken and the usage count recorded', async () => {
    const workflow = await seedWorkflow(t.db, owner.workspaceId, { steps: pureSteps });
    const run = await start(workflow.id, { total: 250 });
    expect(run).toMatchObject({ status: 'succeeded', created: true });

    const detail = await getRun(t.db, owner.scope, run.id);
    expect(detail.status).toBe('succeeded');
    expect(detail.startedAt).not.toBeNull();
    expect(detail.finishedAt).not.toBeNull();
    expect(detail.stepRuns.map((s) => [s.stepId, s.status, s.attempt])).toEqual([
      ['shape', 'succeeded', 1],
      ['big', 'succeeded', 1],
      ['vip', 'succeeded', 1],
    ]);
    expect(detail.stepRuns[0]!.output).toEqual({ total: 250, run: run.id });
    expect(detail.stepRuns[1]!.output).toMatchObject({ next: 'vip' });
    expect(detail.stepRuns[2]!.input).toMatchObject({ message: 'VIP order of 250' });
    expect(await runsUsed(owner.workspaceId)).toBe(1);
    // The driver finds nothing left to do.
    expect(await advanceRun(t.db, run.id, engineDeps(testClock()))).toEqual({ kind: 'finished', status: 'succeeded' });
  });

  it('start once per delivery id: a repeated delivery returns the first run and records nothing again', async () => {
    const workflow = await seedWorkflow(t.db, owner.workspaceId, { steps: pureSteps });
    const first = await start(workflow.id, { total: 5 }, 'webhook:delivery-1');
    const again = await start(workflow.id, { total: 5 }, 'webhook:delivery-1');
    expect(again).toMatchObject({ id: first.id, created: false, status: 'succeeded' });
    const steps = await t.db
      .selectFrom('workflow_step_runs')
      .select('step_id')
      .where('run_id', '=', first.id)
      .orderBy('id')
      .execute();
    expect(steps.map((s) => s.step_id)).toEqual(['shape', 'big', 'normal']);
    expect(await runsUsed(owner.workspaceId)).toBe(1);
  });

  it('go to the driver when a step fails, which records the failure under the retry policy', async () => {
    const workflow = await seedWorkflow(t.db, owner.workspaceId, {
      steps: [
        {
          id: 'check',
          type: 'condition',
          config: { rules: [{ left: 1, op: 'resembles', right: 1 }], then: null, else: null },
        },
      ],
    });
    const run = await start(workflow.id);
    expect(run.status).toBe('queued');
    const clock = testClock();
    expect((await driveToEnd(t.db, run.id, engineDeps(clock), clock)).last).toEqual({
      kind: 'finished',
      status: 'failed',
    });
    const detail = await getRun(t.db, owner.scope, run.id);
    expect(detail.error).toMatchObject({ code: 'invalid_config', stepId: 'check' });
  });

  it('go to the driver when a step needs approval, when runs are switched off, or when another workflow listens', async () => {
    const approval = await seedWorkflow(t.db, owner.workspaceId, {
      steps: [{ id: 'shape', type: 'transform', actionClass: 'C', config: { value: 1 } }],
    });
    expect((await start(approval.id)).status).toBe('queued');

    const plain = await seedWorkflow(t.db, owner.workspaceId, {
      steps: [{ id: 'shape', type: 'transform', config: { value: 1 } }],
    });
    await setFlag(t.db, owner.userId, 'workflows.runs_enabled', false);
    try {
      forgetRunsFlag();
      expect((await start(plain.id)).status).toBe('queued');
    } finally {
      await setFlag(t.db, owner.userId, 'workflows.runs_enabled', true);
      forgetRunsFlag();
    }

    const listener = await seedWorkflow(t.db, owner.workspaceId, {
      trigger: { type: 'event', event: 'workflow.succeeded', workflowId: plain.id },
      steps: [{ id: 'note', type: 'log', config: { message: 'got {{trigger.payload.output}}' } }],
    });
    await t.db
      .updateTable('workflows')
      .set({ event_name: 'workflow.succeeded', event_source_workflow_id: plain.id })
      .where('id', '=', listener.id)
      .execute();
    const source = await start(plain.id);
    expect(source.status).toBe('queued');
    const clock = testClock();
    await driveToEnd(t.db, source.id, engineDeps(clock), clock);
    // The listener's own run is pure and has no listeners: it finished as it was created.
    const triggered = await listRuns(t.db, owner.scope, { workflowId: listener.id });
    expect(triggered.runs.map((r) => r.status)).toEqual(['succeeded']);
  });

  it("take no concurrency slot: they finish even while the workflow's only slot is held", async () => {
    const workflow = await seedWorkflow(t.db, owner.workspaceId, {
      steps: [{ id: 'shape', type: 'transform', config: { value: '{{trigger.payload.n}}' } }],
      settings: { concurrency: 1 },
    });
    await t.db
      .insertInto('workflow_runs')
      .values({
        workspace_id: owner.workspaceId,
        workflow_id: workflow.id,
        version: 1,
        status: 'running',
        trigger_type: 'manual',
        current_step_id: 'shape',
      })
      .execute();
    const runs = await Promise.all(Array.from({ length: 5 }, (_, n) => start(workflow.id, { n })));
    expect(runs.map((r) => r.status)).toEqual(Array(5).fill('succeeded'));
  });

  it('share writes when many arrive at once: every run is stored once, repeated deliveries included', async () => {
    const workflow = await seedWorkflow(t.db, owner.workspaceId, { steps: pureSteps });
    const runs = await Promise.all(
      Array.from({ length: 30 }, (_, n) =>
        start(workflow.id, { total: n }, n % 10 === 0 ? 'webhook:same-delivery' : `webhook:${n}`),
      ),
    );
    const repeated = runs.filter((_, n) => n % 10 === 0);
    expect(new Set(repeated.map((run) => run.id)).size).toBe(1);
    expect(repeated.filter((run) => run.created)).toHaveLength(1);
    expect(runs.every((run) => run.status === 'succeeded')).toBe(true);
    const stored = await t.db
      .selectFrom('workflow_runs')
      .select(['id', 'payload'])
      .where('workflow_id', '=', workflow.id)
      .execute();
    expect(stored).toHaveLength(28);
    expect(await runsUsed(owner.workspaceId)).toBe(28);
    const steps = await t.db
      .selectFrom('workflow_step_runs')
      .select(['run_id', 'step_id'])
      .where('workspace_id', '=', owner.workspaceId)
      .orderBy('id')
      .execute();
    for (const run of stored) {
      const big = (run.payload as { total: number }).total >= 100;
      expect(steps.filter((step) => step.run_id === run.id).map((step) => step.step_id)).toEqual([
        'shape',
        'big',
        big ? 'vip' : 'normal',
      ]);
    }
  });

  it('do not fail together: a run that cannot be stored is refused alone', async () => {
    const workflow = await seedWorkflow(t.db, owner.workspaceId, { steps: pureSteps });
    const inline = { steps: [], lastStepId: null, lastOutput: null, startedAt: new Date(), finishedAt: new Date() };
    const run = (workspaceId: string) => ({
      id: randomUUID(),
      workspaceId,
      workflowId: workflow.id,
      version: 1,
      trigger: 'webhook',
      triggerKey: null,
      payload: '{}',
      createdBy: null,
      replayOf: null,
      inline,
    });
    // The first few go alone; the rest queue behind them and share a write with the bad one.
    const workspaces = [...Array(8).fill(owner.workspaceId), randomUUID(), owner.workspaceId, owner.workspaceId];
    const results = await Promise.allSettled(workspaces.map((workspaceId) => storeFinishedRun(t.db, run(workspaceId))));
    expect(results.map((result) => result.status)).toEqual([
      ...Array(8).fill('fulfilled'),
      'rejected',
      'fulfilled',
      'fulfilled',
    ]);
    expect(await runsUsed(owner.workspaceId)).toBe(10);
  });

  it("count against the month's allowance: beyond it a run costs credits and waits for the driver, and with none left it is refused", async () => {
    await t.db
      .insertInto('billing_accounts')
      .values({
        workspace_id: owner.workspaceId,
        plan: 'starter',
        status: 'active',
        limit_overrides: JSON.stringify({ runs_per_month: 2 }),
      })
      .execute();
    const workflow = await seedWorkflow(t.db, owner.workspaceId, { steps: pureSteps });
    expect((await start(workflow.id)).status).toBe('succeeded');
    expect((await start(workflow.id)).status).toBe('succeeded');
    await expect(start(workflow.id)).rejects.toMatchObject({
      code: 'limit_reached',
      details: { limit: 'runs_per_month', used: 2, allowed: 2 },
    });

    await grantCredits(t.db, owner.workspaceId, { amount: 5, reason: 'test', idempotencyKey: 'run-credits' });
    const paid = await start(workflow.id);
    expect(paid.status).toBe('queued');
    const spent = await t.db
      .selectFrom('credit_ledger')
      .select(['delta', 'reason'])
      .where('workspace_id', '=', owner.workspaceId)
      .where('delta', '<', 0)
      .execute();
    expect(spent).toEqual([{ delta: -1, reason: 'run_overage' }]);
    expect(await runsUsed(owner.workspaceId)).toBe(3);
  });
});
