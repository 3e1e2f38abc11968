import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getRunStats } from '@/lib/workflows/analytics/get-run-stats';
import { getLiveRunState } from '@/lib/workflows/runs/get-live-state';
import { seedMember, type Seeded } from '../accounts/seed';
import { createTestDb, type TestDb } from '../helpers/test-db';
import { seedWorkflow } from './fixtures';

let test: TestDb;
let owner: Seeded;
let other: Seeded;
let workflowId: string;
let secondWorkflowId: string;

const NOW = new Date('2026-11-23T15:00:00Z');
const at = (iso: string) => new Date(iso);

type SeedRun = {
  workflow?: string;
  workspace?: string;
  status: 'queued' | 'running' | 'succeeded' | 'failed' | 'cancelled';
  created: string;
  durationMs?: number;
  deadLettered?: boolean;
  waiting?: 'approval' | 'sleep';
};

async function seedRun(run: SeedRun) {
  const created = at(run.created);
  const started = run.durationMs !== undefined ? created : null;
  const finished = run.durationMs !== undefined ? new Date(created.getTime() + run.durationMs) : null;
  return test.db
    .insertInto('workflow_runs')
    .values({
      workspace_id: run.workspace ?? owner.workspaceId,
      workflow_id: run.workflow ?? workflowId,
      version: 1,
      status: run.status,
      waiting: run.waiting ?? null,
      trigger_type: 'manual',
      created_at: created,
      started_at: started,
      finished_at: finished,
      dead_lettered_at: run.deadLettered ? finished : null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
}

beforeAll(async () => {
  test = await createTestDb();
  owner = await seedMember(test.db, 'owner');
  other = await seedMember(test.db, 'owner');
  workflowId = (
    await seedWorkflow(test.db, owner.workspaceId, { steps: [{ id: 'note', type: 'log', config: { message: 'hi' } }] })
  ).id;
  secondWorkflowId = (
    await seedWorkflow(test.db, owner.workspaceId, { steps: [{ id: 'note', type: 'log', config: { message: 'hi' } }] })
  ).id;
  const otherWorkflow = (
    await seedWorkflow(test.db, other.workspaceId, { steps: [{ id: 'note', type: 'log', config: { message: 'hi' } }] })
  ).id;

  // Today (23 Nov, UTC): 10 succeeded runs of 100..1000 ms, one dead-lettered failure, one running.
  for (let i = 1; i <= 10; i++)
    await seedRun({ status: 'succeeded', created: `2026-11-23T0${i % 10}:00:00Z`, durationMs: i * 100 });
  await seedRun({ status: 'failed', created: '2026-11-23T11:00:00Z', durationMs: 5_000, deadLettered: true });
  await seedRun({ status: 'running', created: '2026-11-23T14:59:00Z' });
  // Yesterday: 2 succeeded (second workflow), 1 failed that was not dead-lettered (a rejection).
  await seedRun({
    workflow: secondWorkflowId,
    status: 'succeeded',
    created: '2026-11-22T09:00:00Z',
    durationMs: 2_000,
  });
  await seedRun({
    workflow: secondWorkflowId,
    status: 'succeeded',
    created: '2026-11-22T10:00:00Z',
    durationMs: 4_000,
  });
  await seedRun({ status: 'failed', created: '2026-11-22T23:30:00Z', durationMs: 1_000 });
  // Ten days ago: inside the 14-day chart, outside the 7-day rate. Twenty days ago: outside both.
  await seedRun({ status: 'failed', created: '2026-11-13T12:00:00Z', durationMs: 1_000, deadLettered: true });
  await seedRun({ status: 'succeeded', created: '2026-11-03T12:00:00Z', durationMs: 1_000 });
  // A run after "now" (clock skew) and another workspace's runs never count.
  await seedRun({ status: 'succeeded', created: '2026-11-23T16:00:00Z', durationMs: 100 });
  for (let i = 0; i < 5; i++)
    await seedRun({
      workspace: other.workspaceId,
      workflow: otherWorkflow,
      status: 'failed',
      created: '2026-11-23T10:00:00Z',
      durationMs: 50,
      deadLettered: true,
    });

  const run = await seedRun({ status: 'queued', created: '2026-11-23T14:00:00Z', waiting: 'approval' });
  await test.db
    .insertInto('workflow_approvals')
    .values({
      workspace_id: owner.workspaceId,
      workflow_id: workflowId,
      run_id: run.id,
      step_id: 'gate',
      action_class: 'C',
      expires_at: at('2026-11-24T14:00:00Z'),
    })
    .execute();
  await test.db
    .insertInto('workflow_approvals')
    .values({
      workspace_id: owner.workspaceId,
      workflow_id: workflowId,
      run_id: run.id,
      step_id: 'old_gate',
      action_class: 'C',
      expires_at: at('2026-11-23T14:30:00Z'),
    })
    .execute();
});

afterAll(async () => {
  await test.close();
});

describe('run analytics', () => {
  it('counts the runs started today, the failure queue and the approvals still waiting', async () => {
    const stats = await getRunStats(test.db, owner.scope, {}, NOW);
    expect(stats.runsToday).toBe(13); // 10 succeeded, 1 failed, 1 running, 1 waiting on approval
    expect(stats.failureQueue).toBe(2);
    expect(stats.approvalsWaiting).toBe(1); // the other approval expired at 14:30
  });

  it('computes the 7-day success rate from finished runs only', async () => {
    const stats = await getRunStats(test.db, owner.scope, {}, NOW);
    expect(stats.finished7d).toBe(14); // 12 succeeded + 2 failed in the last 7 days
    expect(stats.successRate7d).toBeCloseTo(12 / 14, 6);
  });

  it('gives one bar per day for 14 days, oldest first, with p50 and p95 durations', async () => {
    const { perDay } = await getRunStats(test.db, owner.scope, {}, NOW);
    expect(perDay).toHaveLength(14);
    expect(perDay[0]!.day).toBe('2026-11-10');
    expect(perDay.at(-1)).toEqual({ day: '2026-11-23', total: 13, succeeded: 10, failed: 1, p50Ms: 600, p95Ms: 3_000 });
    expect(perDay.at(-2)).toMatchObject({ day: '2026-11-22', total: 3, succeeded: 2, failed: 1, p50Ms: 2_000 });
    expect(perDay.find((day) => day.day === '2026-11-13')).toMatchObject({ total: 1, failed: 1 });
    expect(perDay.find((day) => day.day === '2026-11-15')).toEqual({
      day: '2026-11-15',
      total: 0,
      succeeded: 0,
      failed: 0,
      p50Ms: null,
      p95Ms: null,
    });
  });

  it('counts days in the requested time zone', async () => {
    const { perDay } = await getRunStats(test.db, owner.scope, { timeZone: 'Asia/Tokyo' }, NOW);
    // 23:30 UTC on the 22nd is the morning of the 23rd in Tokyo; today in Tokyo is the 24th (00:00 UTC+9 = 15:00 UTC).
    expect(perDay.at(-1)!.day).toBe('2026-11-24');
    expect(perDay.find((day) => day.day === '2026-11-23')!.total).toBe(14); // 23:30 UTC on the 22nd up to 14:59 UTC on the 23rd
  });

  it('narrows every figure to one workflow', async () => {
    const stats = await getRunStats(test.db, owner.scope, { workflowId: secondWorkflowId }, NOW);
    expect(stats.runsToday).toBe(0);
    expect(stats.successRate7d).toBe(1);
    expect(stats.p50Ms7d).toBe(3_000);
    expect(stats.failureQueue).toBe(0);
    expect(stats.approvalsWaiting).toBe(0);
  });

  it('has no rate when nothing finished, and never sees another workspace', async () => {
    const lonely = await seedMember(test.db, 'member');
    const stats = await getRunStats(test.db, lonely.scope, {}, NOW);
    expect(stats).toMatchObject({
      runsToday: 0,
      successRate7d: null,
      failureQueue: 0,
      approvalsWaiting: 0,
      p50Ms7d: null,
    });
    expect(stats.perDay.every((day) => day.total === 0)).toBe(true);
    const others = await getRunStats(test.db, other.scope, {}, NOW);
    expect(others.failureQueue).toBe(5);
    expect(others.successRate7d).toBe(0);
  });
});

describe('live run state', () => {
  it('tells working runs from parked ones and reports how the latest run ended', async () => {
    const state = await getLiveRunState(test.db, owner.scope, at('2026-11-23T11:03:00Z'));
    // At 11:03: the 11:00 failure finished at 11:00:05; the 09:00 success at 09:00:00.9 is outside the 15 minutes.
    expect(state).toMatchObject({ recentFailed: 1, recentSucceeded: 0, lastFinished: 'failed' });
    const later = await getLiveRunState(test.db, owner.scope, NOW);
    expect(later).toMatchObject({ running: 1, waiting: 1, recentFailed: 0, lastFinished: null });
  });
});
