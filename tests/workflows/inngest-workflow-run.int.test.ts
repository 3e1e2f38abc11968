import { InngestTestEngine, mockCtx } from '@inngest/test';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { createWorkflowRunFunction } from '@/inngest/functions/workflow-run';
import { decideApproval } from '@/lib/workflows/approvals/decide-approval';
import { workflowEvents } from '@/lib/workflows/engine/dispatch';
import { createRun } from '@/lib/workflows/runs/create-run';
import { getRun } from '@/lib/workflows/runs/get-run';
import { defineStep, StepError } from '@/lib/workflows/steps/types';
import { seedMember, type Seeded } from '../accounts/seed';
import { createTestDb, type TestDb } from '../helpers/test-db';
import { engineDeps, seedWorkflow, testClock } from './fixtures';

let t: TestDb;
let owner: Seeded;

beforeAll(async () => {
  t = await createTestDb();
  owner = await seedMember(t.db, 'owner');
});
afterAll(() => t.close());

type Clock = ReturnType<typeof testClock>;

/** A fresh engine per test; sleeps move the test clock, and waitForEvent is replaced by `onWait`. */
function engineFor(
  clock: Clock,
  runId: string,
  steps = {},
  onWait: (opts: { if: string; timeout: Date }) => Promise<unknown> = async () => null,
) {
  const fn = createWorkflowRunFunction({ getDb: async () => t.db, deps: engineDeps(clock, steps) });
  return new InngestTestEngine({
    function: fn,
    events: [{ name: workflowEvents.runRequested, data: { runId, workspaceId: owner.workspaceId } }],
    transformCtx: (raw) => {
      const ctx = mockCtx(raw);
      ctx.step.sleepUntil = vi.fn(async (_id: string, until: string) => clock.set(until)) as never;
      ctx.step.waitForEvent = vi.fn(async (_id: string, opts: { if: string; timeout: Date }) => onWait(opts)) as never;
      return ctx;
    },
  });
}

describe('the Inngest workflow-run function', () => {
  it('runs each engine step in step.run and delays in step.sleepUntil, to the end', async () => {
    const clock = testClock();
    const workflow = await seedWorkflow(t.db, owner.workspaceId, {
      steps: [
        { id: 'shape', type: 'transform', config: { value: 7 } },
        { id: 'wait', type: 'delay', config: { hours: 1 } },
        { id: 'note', type: 'log', config: { message: 'after {{steps.shape.output}}' } },
      ],
    });
    const run = await createRun(t.db, {
      workspaceId: owner.workspaceId,
      workflowId: workflow.id,
      trigger: 'manual',
      dispatch: false,
    });
    const { result, ctx } = await engineFor(clock, run.id).execute();
    expect(result).toEqual({ runId: run.id, status: 'succeeded' });
    expect(ctx.step.run).toHaveBeenCalledWith('advance-0', expect.any(Function));
    expect(ctx.step.sleepUntil).toHaveBeenCalledWith('sleep-1', '2026-11-23T11:00:00.000Z');
    expect((await getRun(t.db, owner.scope, run.id)).stepRuns.map((s) => s.stepId)).toEqual(['shape', 'wait', 'note']);
  });

  it('sleeps between retries with the backoff the engine chose', async () => {
    const clock = testClock();
    let calls = 0;
    const flaky = defineStep({
      type: 'http_request',
      configSchema: z.object({}).passthrough(),
      defaultActionClass: 'A',
      resolveTemplates: true,
      async execute() {
        if (++calls < 3) throw new StepError('upstream_unavailable', '503', true);
        return { kind: 'output', output: { calls } };
      },
    });
    const workflow = await seedWorkflow(t.db, owner.workspaceId, {
      steps: [{ id: 'call', type: 'http_request', config: {} }],
    });
    const run = await createRun(t.db, {
      workspaceId: owner.workspaceId,
      workflowId: workflow.id,
      trigger: 'manual',
      dispatch: false,
    });
    const { result, ctx } = await engineFor(clock, run.id, { http_request: flaky }).execute();
    expect(result).toEqual({ runId: run.id, status: 'succeeded' });
    expect(vi.mocked(ctx.step.sleepUntil).mock.calls).toEqual([
      ['retry-0', '2026-11-23T10:00:01.000Z'],
      ['retry-1', '2026-11-23T10:00:03.000Z'],
    ]);
  });

  it('waits for the approval event and resumes once the approval is decided', async () => {
    const clock = testClock();
    const workflow = await seedWorkflow(t.db, owner.workspaceId, {
      steps: [
        { id: 'ask', type: 'approval', config: { message: 'Send it?' } },
        { id: 'note', type: 'log', config: { message: 'sent' } },
      ],
    });
    const run = await createRun(t.db, {
      workspaceId: owner.workspaceId,
      workflowId: workflow.id,
      trigger: 'manual',
      dispatch: false,
    });
    const onWait = vi.fn(async (opts: { if: string }) => {
      const approvalId = /'([^']+)'/.exec(opts.if)![1]!;
      // NOTE: the test engine replays the function from the top, so the wait is reached more than once.
      if (onWait.mock.calls.length === 1)
        await decideApproval(t.db, owner.scope, approvalId, { decision: 'approve' }, clock.now());
      return { name: workflowEvents.approvalDecided, data: { approvalId, status: 'approved' } };
    });
    const { result, ctx, error } = await engineFor(clock, run.id, {}, onWait).execute();
    expect(error).toBeUndefined();
    expect(result).toEqual({ runId: run.id, status: 'succeeded' });
    expect(ctx.step.waitForEvent).toHaveBeenCalledWith(
      'approval-0',
      expect.objectContaining({ event: workflowEvents.approvalDecided, timeout: new Date('2026-11-26T10:00:00Z') }),
    );
  });

  it('lets an approval time out: the run fails with the expiry recorded', async () => {
    const clock = testClock();
    const workflow = await seedWorkflow(t.db, owner.workspaceId, {
      steps: [{ id: 'ask', type: 'approval', config: {} }],
      settings: { approvalTimeoutHours: 1 },
    });
    const run = await createRun(t.db, {
      workspaceId: owner.workspaceId,
      workflowId: workflow.id,
      trigger: 'manual',
      dispatch: false,
    });
    const { result } = await engineFor(clock, run.id, {}, async (opts) => {
      clock.set(new Date(opts.timeout.getTime() + 1));
      return null;
    }).execute();
    expect(result).toEqual({ runId: run.id, status: 'rejected' });
    expect((await getRun(t.db, owner.scope, run.id)).error).toMatchObject({ code: 'approval_expired' });
  });
});
