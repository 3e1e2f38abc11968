// Run outcomes: a rejected approval ends a run `rejected` and a cancel `cancelled` (with who did it); neither counts as a
// failure anywhere, and the time spent waiting is measured.
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { backfillRunOutcomes } from '@/db/migrations/2026_12_03_0004_run_outcomes';
import { getRunStats } from '@/lib/workflows/analytics/get-run-stats';
import { decideApproval } from '@/lib/workflows/approvals/decide-approval';
import { advanceRun } from '@/lib/workflows/engine/advance-run';
import { forgetRunsFlag } from '@/lib/workflows/engine/admit-run';
import { cancelRun } from '@/lib/workflows/runs/cancel-run';
import { createRun } from '@/lib/workflows/runs/create-run';
import { getRun } from '@/lib/workflows/runs/get-run';
import { listRuns } from '@/lib/workflows/runs/list-runs';
import { seedMember, type Seeded } from '../../accounts/seed';
import { database, request, session } from '../../helpers/route-request';
import { createTestDb, type TestDb } from '../../helpers/test-db';
import { driveToEnd, engineDeps, seedWorkflow, testClock } from '../fixtures';

vi.mock('@/db', async () => (await import('../../helpers/route-request')).dbModule());
vi.mock('@/lib/auth/session-scope', async () => (await import('../../helpers/route-request')).sessionModule());
const runsRoute = await import('@/app/api/runs/route');
const failureQueueRoute = await import('@/app/api/failure-queue/route');

let t: TestDb;
let owner: Seeded;

const gated = [
  { id: 'ask', type: 'approval' as const, config: { message: 'Send the refund?' } },
  { id: 'done', type: 'log' as const, config: { message: 'refunded' } },
];

beforeAll(async () => {
  t = await createTestDb();
  database.current = t;
});
afterAll(() => t.close());
beforeEach(async () => {
  owner = await seedMember(t.db, 'owner');
  session.current = owner;
  forgetRunsFlag();
});

async function startGated(clock: ReturnType<typeof testClock>) {
  const workflow = await seedWorkflow(t.db, owner.workspaceId, { steps: gated });
  const run = await createRun(t.db, { workspaceId: owner.workspaceId, workflowId: workflow.id, trigger: 'manual' });
  const waiting = (await advanceRun(t.db, run.id, engineDeps(clock))) as { kind: string; approvalId: string };
  expect(waiting.kind).toBe('wait_approval');
  // NOTE: the approval's request time is the database's clock; line it up with the test clock.
  await t.db
    .updateTable('workflow_approvals')
    .set({ created_at: clock.now() } as never)
    .where('id', '=', waiting.approvalId)
    .execute();
  return { workflow, run, approvalId: waiting.approvalId };
}

async function succeededRun(clock: ReturnType<typeof testClock>) {
  const workflow = await seedWorkflow(t.db, owner.workspaceId, {
    steps: [{ id: 'note', type: 'log', config: { message: 'hi' } }],
  });
  const run = await createRun(t.db, { workspaceId: owner.workspaceId, workflowId: workflow.id, trigger: 'manual' });
  expect((await driveToEnd(t.db, run.id, engineDeps(clock), clock)).last).toMatchObject({ status: 'succeeded' });
  return run;
}

const ids = (body: { runs: { id: string }[] }) => body.runs.map((run) => run.id);

describe('run outcomes', () => {
  it('ends a run rejected when its approval is rejected, with who rejected it and how long it waited', async () => {
    const clock = testClock();
    const { run, approvalId } = await startGated(clock);
    clock.set('2026-11-23T12:14:00Z');
    await decideApproval(t.db, owner.scope, approvalId, { decision: 'reject', comment: 'not now' }, clock.now());
    expect((await driveToEnd(t.db, run.id, engineDeps(clock), clock)).last).toEqual({
      kind: 'finished',
      status: 'rejected',
    });
    const detail = await getRun(t.db, owner.scope, run.id, clock.now());
    expect(detail.status).toBe('rejected');
    expect(detail.deadLettered).toBe(false);
    expect(detail.error).toMatchObject({ code: 'approval_rejected', stepId: 'ask' });
    expect(detail.approvals[0]).toMatchObject({ status: 'rejected', decidedBy: owner.email, decidedVia: 'app' });
    expect(detail.waits).toEqual([
      expect.objectContaining({ stepId: 'ask', kind: 'approval', ms: (2 * 60 + 14) * 60_000 }),
    ]);
    expect(detail.waitedMs).toBe((2 * 60 + 14) * 60_000);
  });

  it('leaves rejected and cancelled runs out of the success rate, the failure queue and the failed filter', async () => {
    const clock = testClock();
    await succeededRun(clock);
    const rejected = await startGated(clock);
    await decideApproval(t.db, owner.scope, rejected.approvalId, { decision: 'reject' }, clock.now());
    await driveToEnd(t.db, rejected.run.id, engineDeps(clock), clock);
    const cancelled = await startGated(clock);
    await cancelRun(t.db, owner.scope, cancelled.run.id, clock.now());

    const stats = await getRunStats(t.db, owner.scope, {}, new Date(Date.now() + 60_000));
    expect(stats).toMatchObject({ successRate7d: 1, finished7d: 1, failureQueue: 0 });
    expect(stats.perDay.at(-1)).toMatchObject({ total: 3, succeeded: 1, failed: 0 });
    expect((await listRuns(t.db, owner.scope, { deadLettered: 'true' })).runs).toEqual([]);
    expect((await listRuns(t.db, owner.scope, { status: 'failed' })).runs).toEqual([]);

    const byStatus = async (status: string) =>
      ids(await (await runsRoute.GET(request(`/api/runs?status=${status}`))).json());
    expect(await byStatus('rejected')).toEqual([rejected.run.id]);
    expect(await byStatus('cancelled')).toEqual([cancelled.run.id]);
    expect(ids(await (await failureQueueRoute.GET(request('/api/failure-queue'))).json())).toEqual([]);
  });

  it('records who cancelled a run and shows its approval as cancelled, not decided', async () => {
    const clock = testClock();
    const { run } = await startGated(clock);
    clock.set('2026-11-23T10:30:00Z');
    await cancelRun(t.db, owner.scope, run.id, clock.now());
    const detail = await getRun(t.db, owner.scope, run.id, new Date('2026-11-23T11:00:00Z'));
    expect(detail.status).toBe('cancelled');
    expect(detail.cancelledBy).toBe(owner.email);
    expect(detail.error).toMatchObject({ code: 'cancelled', by: 'person' });
    expect(detail.approvals[0]).toMatchObject({ status: 'rejected', decidedVia: 'cancel', decidedBy: null });
    // The wait ended when the run did, not when someone looked at it.
    expect(detail.waits[0]).toMatchObject({ kind: 'approval', ms: 30 * 60_000 });
  });

  it('counts a pending approval as waiting until now, and a delay step as the time it slept', async () => {
    const clock = testClock();
    const { run } = await startGated(clock);
    const pending = await getRun(t.db, owner.scope, run.id, new Date('2026-11-23T10:45:00Z'));
    expect(pending.waits[0]).toMatchObject({ kind: 'approval', until: null, ms: 45 * 60_000 });

    const workflow = await seedWorkflow(t.db, owner.workspaceId, {
      steps: [
        { id: 'pause', type: 'delay', config: { minutes: 90 } },
        { id: 'note', type: 'log', config: { message: 'hi' } },
      ],
    });
    const delayed = await createRun(t.db, {
      workspaceId: owner.workspaceId,
      workflowId: workflow.id,
      trigger: 'manual',
    });
    await driveToEnd(t.db, delayed.id, engineDeps(clock), clock);
    const detail = await getRun(t.db, owner.scope, delayed.id);
    expect(detail.status).toBe('succeeded');
    expect(detail.waits).toEqual([expect.objectContaining({ stepId: 'pause', kind: 'delay', ms: 90 * 60_000 })]);
    expect(detail.stepRuns.find((step) => step.stepId === 'pause')!.durationMs!).toBeLessThan(1_000);
  });

  it('moves runs stored as failures on a "no" or a cancel to their own outcome', async () => {
    const workflow = await seedWorkflow(t.db, owner.workspaceId, { steps: gated });
    const seed = async (code: string) =>
      (
        await t.db
          .insertInto('workflow_runs')
          .values({
            workspace_id: owner.workspaceId,
            workflow_id: workflow.id,
            version: 1,
            status: 'failed',
            trigger_type: 'manual',
            payload: '{}',
            wake_at: new Date(),
            error: JSON.stringify({ code, message: code, retryable: false }),
          })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id;
    const rejected = await seed('approval_rejected');
    const cancelled = await seed('cancelled');
    const failed = await seed('upstream_unavailable');
    await backfillRunOutcomes(t.db as never);
    const statuses = await t.db
      .selectFrom('workflow_runs')
      .select(['id', 'status'])
      .where('id', 'in', [rejected, cancelled, failed])
      .execute();
    expect(Object.fromEntries(statuses.map((row) => [row.id, row.status]))).toEqual({
      [rejected]: 'rejected',
      [cancelled]: 'cancelled',
      [failed]: 'failed',
    });
  });
});
