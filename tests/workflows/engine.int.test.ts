import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { setFlag } from '@/lib/flags/set-flag';
import { advanceRun } from '@/lib/workflows/engine/advance-run';
import { forgetRunsFlag } from '@/lib/workflows/engine/admit-run';
import { decideApproval } from '@/lib/workflows/approvals/decide-approval';
import { cancelRun } from '@/lib/workflows/runs/cancel-run';
import { createRun } from '@/lib/workflows/runs/create-run';
import { getRun } from '@/lib/workflows/runs/get-run';
import { listRuns } from '@/lib/workflows/runs/list-runs';
import { replayRun } from '@/lib/workflows/runs/replay-run';
import { defineStep, StepError } from '@/lib/workflows/steps/types';
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

/** A step that fails `failures` times (retryable unless told otherwise), then succeeds; counts executions. */
function flakyStep(state: { failures: number; calls: number; retryable?: boolean }) {
  return defineStep({
    type: 'http_request',
    configSchema: z.object({}).passthrough(),
    defaultActionClass: 'A',
    resolveTemplates: true,
    async execute() {
      state.calls++;
      if (state.failures > 0) {
        state.failures--;
        throw new StepError('upstream_unavailable', 'The upstream answered 503', state.retryable ?? true);
      }
      return { kind: 'output', output: { ok: true, call: state.calls } };
    },
  });
}

async function start(workflowId: string, payload: unknown = {}) {
  return createRun(t.db, { workspaceId: owner.workspaceId, workflowId, trigger: 'manual', payload });
}

describe('the engine', () => {
  it('runs steps in order, passes earlier outputs through templates and follows the branch taken', async () => {
    const clock = testClock();
    const workflow = await seedWorkflow(t.db, owner.workspaceId, {
      steps: [
        // A step with outside effects first, so the run goes through the driver step by step (not the inline runner).
        { id: 'fetch', type: 'http_request', config: {} },
        {
          id: 'shape',
          type: 'transform',
          config: {
            value: { total: '{{trigger.payload.order.total}}', who: 'Order for {{trigger.payload.order.customer}}' },
          },
        },
        {
          id: 'big',
          type: 'condition',
          config: {
            rules: [{ left: '{{steps.shape.output.total}}', op: 'gte', right: 100 }],
            then: 'vip',
            else: 'normal',
          },
        },
        { id: 'vip', type: 'log', config: { message: 'VIP: {{steps.shape.output.who}}' }, next: null },
        { id: 'normal', type: 'log', config: { message: 'normal' } },
      ],
    });
    const run = await start(workflow.id, { order: { total: 250, customer: 'Ada' } });
    expect(run.status).toBe('queued');
    const { last } = await driveToEnd(
      t.db,
      run.id,
      engineDeps(clock, { http_request: flakyStep({ failures: 0, calls: 0 }) }),
      clock,
    );
    expect(last).toEqual({ kind: 'finished', status: 'succeeded' });

    const detail = await getRun(t.db, owner.scope, run.id);
    expect(detail.status).toBe('succeeded');
    expect(detail.stepRuns.map((s) => [s.stepId, s.status])).toEqual([
      ['fetch', 'succeeded'],
      ['shape', 'succeeded'],
      ['big', 'succeeded'],
      ['vip', 'succeeded'],
    ]);
    expect(detail.stepRuns[1]!.output).toEqual({ total: 250, who: 'Order for Ada' });
    expect(detail.stepRuns[3]!.output).toMatchObject({ message: 'VIP: Order for Ada' });
  });

  it('retries a failing step with exponential backoff (1 s, 2 s, 4 s …) and records every attempt', async () => {
    const clock = testClock();
    const state = { failures: 3, calls: 0 };
    const workflow = await seedWorkflow(t.db, owner.workspaceId, {
      steps: [{ id: 'call', type: 'http_request', config: {} }],
    });
    const run = await start(workflow.id);
    const { last, sleeps } = await driveToEnd(
      t.db,
      run.id,
      engineDeps(clock, { http_request: flakyStep(state) }),
      clock,
    );
    expect(last).toEqual({ kind: 'finished', status: 'succeeded' });
    expect(state.calls).toBe(4);
    const start0 = new Date('2026-11-23T10:00:00Z').getTime();
    const delays = sleeps.map(
      (s, i) => new Date(s.until).getTime() - (i === 0 ? start0 : new Date(sleeps[i - 1]!.until).getTime()),
    );
    expect(delays).toEqual([1_000, 2_000, 4_000]);
    expect(sleeps.every((s) => s.reason === 'retry')).toBe(true);
    const detail = await getRun(t.db, owner.scope, run.id);
    expect(detail.stepRuns.map((s) => [s.attempt, s.status])).toEqual([
      [1, 'failed'],
      [2, 'failed'],
      [3, 'failed'],
      [4, 'succeeded'],
    ]);
    expect(detail.stepRuns[0]!.error).toMatchObject({ code: 'upstream_unavailable', retryable: true });
  });

  it('stops at once on a non-retryable error and files the run in the failure queue', async () => {
    const clock = testClock();
    const state = { failures: 1, calls: 0, retryable: false };
    const workflow = await seedWorkflow(t.db, owner.workspaceId, {
      steps: [{ id: 'call', type: 'http_request', config: {} }],
    });
    const run = await start(workflow.id);
    const { last, sleeps } = await driveToEnd(
      t.db,
      run.id,
      engineDeps(clock, { http_request: flakyStep(state) }),
      clock,
    );
    expect(last).toEqual({ kind: 'finished', status: 'failed' });
    expect(sleeps).toEqual([]);
    expect(state.calls).toBe(1);
    const queue = await listRuns(t.db, owner.scope, { deadLettered: 'true' });
    expect(queue.runs.map((r) => r.id)).toEqual([run.id]);
    expect(queue.runs[0]!.error).toMatchObject({ code: 'upstream_unavailable', stepId: 'call', attempts: 1 });
  });

  it("gives up after the workflow's maximum attempts, then replays from the failed step without re-running earlier steps", async () => {
    const clock = testClock();
    const state = { failures: 100, calls: 0 };
    const first = { count: 0 };
    const counting = defineStep({
      type: 'log',
      configSchema: z.object({}).passthrough(),
      defaultActionClass: 'A',
      resolveTemplates: true,
      async execute() {
        first.count++;
        return { kind: 'output', output: { counted: first.count } };
      },
    });
    const workflow = await seedWorkflow(t.db, owner.workspaceId, {
      steps: [
        { id: 'prepare', type: 'log', config: {} },
        { id: 'call', type: 'http_request', config: {} },
      ],
      settings: { retry: { maxAttempts: 3, initialDelayMs: 1_000, maxDelayMs: 300_000 } },
    });
    const deps = engineDeps(clock, { http_request: flakyStep(state), log: counting });
    const run = await start(workflow.id);
    const { last } = await driveToEnd(t.db, run.id, deps, clock);
    expect(last).toEqual({ kind: 'finished', status: 'failed' });
    expect(state.calls).toBe(3);

    state.failures = 0;
    const replay = await replayRun(t.db, owner.scope, run.id, { from: 'failed_step' });
    expect(replay.id).toBe(run.id);
    expect((await driveToEnd(t.db, run.id, deps, clock)).last).toEqual({ kind: 'finished', status: 'succeeded' });
    expect(first.count).toBe(1);
    const detail = await getRun(t.db, owner.scope, run.id);
    expect(detail.deadLettered).toBe(false);
    expect(detail.stepRuns.filter((s) => s.stepId === 'call').map((s) => s.status)).toEqual([
      'failed',
      'failed',
      'failed',
      'succeeded',
    ]);

    const fromStart = await replayRun(t.db, owner.scope, run.id, { from: 'start' }).catch((error: Error) => error);
    expect(fromStart).toBeInstanceOf(Error);
  });

  it('replays a failed run from the start as a new run that points at the original', async () => {
    const clock = testClock();
    const state = { failures: 1, calls: 0, retryable: false };
    const workflow = await seedWorkflow(t.db, owner.workspaceId, {
      steps: [{ id: 'call', type: 'http_request', config: {} }],
    });
    const deps = engineDeps(clock, { http_request: flakyStep(state) });
    const run = await start(workflow.id, { n: 1 });
    await driveToEnd(t.db, run.id, deps, clock);
    const replay = await replayRun(t.db, owner.scope, run.id, { from: 'start' });
    expect(replay.id).not.toBe(run.id);
    expect((await driveToEnd(t.db, replay.id, deps, clock)).last).toEqual({ kind: 'finished', status: 'succeeded' });
    const detail = await getRun(t.db, owner.scope, replay.id);
    expect(detail.replayOf).toBe(run.id);
    expect(detail.payload).toEqual({ n: 1 });
  });

  it('never executes a step again once its success is recorded', async () => {
    const clock = testClock();
    const state = { failures: 0, calls: 0 };
    const workflow = await seedWorkflow(t.db, owner.workspaceId, {
      steps: [
        { id: 'call', type: 'http_request', config: {} },
        { id: 'wait', type: 'delay', config: { minutes: 5 } },
      ],
    });
    const deps = engineDeps(clock, { http_request: flakyStep(state) });
    const run = await start(workflow.id);
    expect(await advanceRun(t.db, run.id, deps)).toEqual({ kind: 'continue' });
    // A driver that lost the pointer update would come back to the first step: the engine moves on from the record.
    await t.db.updateTable('workflow_runs').set({ current_step_id: 'call' }).where('id', '=', run.id).execute();
    await driveToEnd(t.db, run.id, deps, clock);
    expect(state.calls).toBe(1);
  });

  it('sleeps through a delay step and completes it when the time comes', async () => {
    const clock = testClock();
    const workflow = await seedWorkflow(t.db, owner.workspaceId, {
      steps: [{ id: 'wait', type: 'delay', config: { minutes: 90 } }],
    });
    const run = await start(workflow.id);
    const first = await advanceRun(t.db, run.id, engineDeps(clock));
    expect(first).toEqual({ kind: 'sleep', until: '2026-11-23T11:30:00.000Z', reason: 'sleep' });
    clock.advance(60_000);
    expect(await advanceRun(t.db, run.id, engineDeps(clock))).toMatchObject({
      kind: 'sleep',
      until: '2026-11-23T11:30:00.000Z',
    });
    clock.set('2026-11-23T11:30:00Z');
    expect(await advanceRun(t.db, run.id, engineDeps(clock))).toEqual({ kind: 'finished', status: 'succeeded' });
  });
});

describe('approvals', () => {
  const gated = [
    { id: 'ask', type: 'approval' as const, config: { message: 'Refund {{trigger.payload.amount}}?' } },
    { id: 'done', type: 'log' as const, config: { message: 'refunded' } },
  ];

  it('waits for a class C step, resumes when approved and records who decided', async () => {
    const clock = testClock();
    const workflow = await seedWorkflow(t.db, owner.workspaceId, { steps: gated });
    const run = await start(workflow.id, { amount: '£40' });
    const waiting = await advanceRun(t.db, run.id, engineDeps(clock));
    expect(waiting).toMatchObject({ kind: 'wait_approval' });
    const approvalId = (waiting as { approvalId: string }).approvalId;
    const email = await t.db
      .selectFrom('email_outbox')
      .select(['to_address', 'text'])
      .where('kind', '=', 'workflow_approval')
      .where('to_address', '=', owner.email)
      .executeTakeFirstOrThrow();
    expect(email.text).toContain('Refund £40?');
    expect(email.text).toContain(`/approvals/${approvalId}?token=`);

    const decided = await decideApproval(
      t.db,
      owner.scope,
      approvalId,
      { decision: 'approve', comment: 'ok' },
      clock.now(),
    );
    expect(decided).toMatchObject({ status: 'approved', decidedBy: owner.email, comment: 'ok' });
    expect((await driveToEnd(t.db, run.id, engineDeps(clock), clock)).last).toEqual({
      kind: 'finished',
      status: 'succeeded',
    });
  });

  it('ends the run rejected when the approval is rejected, without filing it in the failure queue', async () => {
    const clock = testClock();
    const workflow = await seedWorkflow(t.db, owner.workspaceId, { steps: gated });
    const run = await start(workflow.id);
    const waiting = (await advanceRun(t.db, run.id, engineDeps(clock))) as { approvalId: string };
    await decideApproval(
      t.db,
      owner.scope,
      waiting.approvalId,
      { decision: 'reject', comment: 'not today' },
      clock.now(),
    );
    expect((await driveToEnd(t.db, run.id, engineDeps(clock), clock)).last).toEqual({
      kind: 'finished',
      status: 'rejected',
    });
    const detail = await getRun(t.db, owner.scope, run.id);
    expect(detail.error).toMatchObject({ code: 'approval_rejected', message: 'Step ask was rejected: not today' });
    expect(detail.deadLettered).toBe(false);
  });

  it('treats a timed-out approval as a rejection and records the expiry', async () => {
    const clock = testClock();
    const workflow = await seedWorkflow(t.db, owner.workspaceId, {
      steps: gated,
      settings: { approvalTimeoutHours: 2 },
    });
    const run = await start(workflow.id);
    const waiting = await advanceRun(t.db, run.id, engineDeps(clock));
    expect(waiting).toMatchObject({ kind: 'wait_approval', expiresAt: '2026-11-23T12:00:00.000Z' });
    clock.set('2026-11-23T12:00:01Z');
    expect(await advanceRun(t.db, run.id, engineDeps(clock))).toEqual({ kind: 'finished', status: 'rejected' });
    const approval = await t.db
      .selectFrom('workflow_approvals')
      .select(['status', 'decided_via'])
      .where('run_id', '=', run.id)
      .executeTakeFirstOrThrow();
    expect(approval).toEqual({ status: 'expired', decided_via: 'timeout' });
    const late = await decideApproval(
      t.db,
      owner.scope,
      (waiting as { approvalId: string }).approvalId,
      { decision: 'approve' },
      clock.now(),
    ).catch((e: Error) => e);
    expect(late).toMatchObject({ code: 'conflict' });
  });

  it('asks for approval of class B steps only when the workspace policy says so', async () => {
    const clock = testClock();
    const state = { failures: 0, calls: 0 };
    const classB = { ...flakyStep(state), defaultActionClass: 'B' as const };
    const workflow = await seedWorkflow(t.db, owner.workspaceId, {
      steps: [{ id: 'call', type: 'http_request', config: {} }],
    });
    const deps = engineDeps(clock, { http_request: classB });
    const relaxed = await start(workflow.id);
    expect((await driveToEnd(t.db, relaxed.id, deps, clock)).last).toEqual({ kind: 'finished', status: 'succeeded' });

    await t.db
      .updateTable('workspaces')
      .set({ approval_policy: 'class_b_and_c' })
      .where('id', '=', owner.workspaceId)
      .execute();
    const strict = await start(workflow.id);
    expect(await advanceRun(t.db, strict.id, deps)).toMatchObject({ kind: 'wait_approval' });
    expect(state.calls).toBe(1);
  });

  it('does not let a member of another workspace decide', async () => {
    const clock = testClock();
    const workflow = await seedWorkflow(t.db, owner.workspaceId, { steps: gated });
    const run = await start(workflow.id);
    const waiting = (await advanceRun(t.db, run.id, engineDeps(clock))) as { approvalId: string };
    const stranger = await seedMember(t.db, 'owner');
    await expect(
      decideApproval(t.db, stranger.scope, waiting.approvalId, { decision: 'approve' }),
    ).rejects.toMatchObject({ code: 'not_found' });
    expect(
      (
        await t.db
          .selectFrom('workflow_approvals')
          .select('status')
          .where('id', '=', waiting.approvalId)
          .executeTakeFirstOrThrow()
      ).status,
    ).toBe('pending');
  });
});

describe('run control', () => {
  it('cancels a waiting run; the driver then stops', async () => {
    const clock = testClock();
    const workflow = await seedWorkflow(t.db, owner.workspaceId, {
      steps: [{ id: 'ask', type: 'approval', config: {} }],
    });
    const run = await start(workflow.id);
    await advanceRun(t.db, run.id, engineDeps(clock));
    await cancelRun(t.db, owner.scope, run.id);
    expect(await advanceRun(t.db, run.id, engineDeps(clock))).toEqual({ kind: 'finished', status: 'cancelled' });
    await expect(cancelRun(t.db, owner.scope, run.id)).rejects.toMatchObject({ code: 'conflict' });
  });

  it("holds runs beyond the workflow's concurrency limit until a slot frees", async () => {
    const clock = testClock();
    const workflow = await seedWorkflow(t.db, owner.workspaceId, {
      steps: [{ id: 'ask', type: 'approval', config: {} }],
      settings: { concurrency: 1 },
    });
    const first = await start(workflow.id);
    const second = await start(workflow.id);
    expect(await advanceRun(t.db, first.id, engineDeps(clock))).toMatchObject({ kind: 'wait_approval' });
    expect(await advanceRun(t.db, second.id, engineDeps(clock))).toEqual({
      kind: 'sleep',
      until: '2026-11-23T10:00:02.000Z',
      reason: 'concurrency',
    });
    await cancelRun(t.db, owner.scope, first.id);
    clock.advance(2_000);
    expect(await advanceRun(t.db, second.id, engineDeps(clock))).toMatchObject({ kind: 'wait_approval' });
  });

  it('admits exactly the concurrency limit when many runs race for the slots', async () => {
    const clock = testClock();
    const workflow = await seedWorkflow(t.db, owner.workspaceId, {
      steps: [{ id: 'ask', type: 'approval', config: {} }],
      settings: { concurrency: 3 },
    });
    const runs = await Promise.all(Array.from({ length: 10 }, () => start(workflow.id)));
    const results = await Promise.all(runs.map((run) => advanceRun(t.db, run.id, engineDeps(clock))));
    expect(results.filter((r) => r.kind === 'wait_approval')).toHaveLength(3);
    expect(results.filter((r) => r.kind === 'sleep' && r.reason === 'concurrency')).toHaveLength(7);
    const running = await t.db
      .selectFrom('workflow_runs')
      .select('id')
      .where('workflow_id', '=', workflow.id)
      .where('status', '=', 'running')
      .execute();
    expect(running).toHaveLength(3);
  });

  it('holds new runs while the runs kill switch is off', async () => {
    const clock = testClock();
    const workflow = await seedWorkflow(t.db, owner.workspaceId, {
      steps: [{ id: 'note', type: 'log', config: { message: 'hi' } }],
    });
    await setFlag(t.db, owner.userId, 'workflows.runs_enabled', false);
    try {
      forgetRunsFlag();
      const run = await start(workflow.id);
      expect(await advanceRun(t.db, run.id, engineDeps(clock))).toMatchObject({ kind: 'sleep', reason: 'concurrency' });
    } finally {
      await setFlag(t.db, owner.userId, 'workflows.runs_enabled', true);
      forgetRunsFlag();
    }
  });

  it("starts a workflow listening for another one's success, with the source run's output", async () => {
    const clock = testClock();
    const source = await seedWorkflow(t.db, owner.workspaceId, {
      steps: [{ id: 'make', type: 'transform', config: { value: { id: 42 } } }],
    });
    const listener = await seedWorkflow(t.db, owner.workspaceId, {
      trigger: { type: 'event', event: 'workflow.succeeded', workflowId: source.id },
      steps: [{ id: 'note', type: 'log', config: { message: 'got {{trigger.payload.output.id}}' } }],
    });
    await t.db
      .updateTable('workflows')
      .set({ event_name: 'workflow.succeeded', event_source_workflow_id: source.id })
      .where('id', '=', listener.id)
      .execute();
    const run = await start(source.id);
    await driveToEnd(t.db, run.id, engineDeps(clock), clock);
    const triggered = await listRuns(t.db, owner.scope, { workflowId: listener.id });
    expect(triggered.runs).toHaveLength(1);
    await driveToEnd(t.db, triggered.runs[0]!.id, engineDeps(clock), clock);
    const detail = await getRun(t.db, owner.scope, triggered.runs[0]!.id);
    expect(detail.stepRuns[0]!.output).toMatchObject({ message: 'got 42' });
  });
});
