import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { AppError } from '@/lib/errors';
import { createWorkflow } from '@/lib/workflows/create-workflow';
import { setWorkflowEnabled } from '@/lib/workflows/set-workflow-enabled';
import { nextScheduledRun } from '@/lib/workflows/trigger-columns';
import { runDueSchedules } from '@/lib/workflows/triggers/run-due-schedules';
import { updateWorkflow } from '@/lib/workflows/update-workflow';
import { seedMember, type Seeded } from '../accounts/seed';
import { createTestDb, type TestDb } from '../helpers/test-db';
import { seedWorkflow } from './fixtures';

let t: TestDb;
let owner: Seeded;

beforeAll(async () => {
  t = await createTestDb();
  owner = await seedMember(t.db, 'owner');
});
afterAll(() => t.close());

/** The next `count` occurrences after `from`, as UTC ISO strings. */
function occurrences(cron: string, timezone: string, from: string, count: number): string[] {
  const out: string[] = [];
  let at = new Date(from);
  for (let i = 0; i < count; i++) {
    at = nextScheduledRun(cron, timezone, at)!;
    out.push(at.toISOString());
  }
  return out;
}

describe('cron schedules in a time zone', () => {
  it('keeps 09:00 London time across the spring change to summer time', () => {
    expect(occurrences('0 9 * * *', 'Europe/London', '2026-03-27T12:00:00Z', 3)).toEqual([
      '2026-03-28T09:00:00.000Z',
      '2026-03-29T08:00:00.000Z',
      '2026-03-30T08:00:00.000Z',
    ]);
  });

  it('keeps 09:00 New York time across the autumn change back to standard time', () => {
    expect(occurrences('0 9 * * 1-5', 'America/New_York', '2026-10-30T00:00:00Z', 2)).toEqual([
      '2026-10-30T13:00:00.000Z',
      '2026-11-02T14:00:00.000Z',
    ]);
  });

  it('runs a 01:30 London job once on the night the clocks go back, and does not skip the night they go forward', () => {
    expect(occurrences('30 1 * * *', 'Europe/London', '2026-10-24T12:00:00Z', 2)).toEqual([
      '2026-10-25T00:30:00.000Z',
      '2026-10-26T01:30:00.000Z',
    ]);
    const spring = occurrences('30 1 * * *', 'Europe/London', '2026-03-28T12:00:00Z', 2);
    expect(spring).toHaveLength(2);
    expect(spring[1]).toBe('2026-03-30T00:30:00.000Z');
  });
});

describe('the schedule trigger', () => {
  it('starts one run per due occurrence, once however often the job ticks, and moves to the next occurrence', async () => {
    const workflow = await seedWorkflow(t.db, owner.workspaceId, {
      trigger: { type: 'schedule', cron: '0 9 * * *', timezone: 'Europe/London' },
      steps: [{ id: 'note', type: 'log', config: { message: 'morning' } }],
    });
    await t.db
      .updateTable('workflows')
      .set({
        trigger_type: 'schedule',
        schedule_cron: '0 9 * * *',
        schedule_timezone: 'Europe/London',
        next_run_at: new Date('2026-03-29T08:00:00Z'),
      })
      .where('id', '=', workflow.id)
      .execute();

    expect(await runDueSchedules(t.db, new Date('2026-03-29T07:59:59Z'))).toEqual({ started: 0 });
    expect(await runDueSchedules(t.db, new Date('2026-03-29T08:00:10Z'))).toEqual({ started: 1 });
    expect(await runDueSchedules(t.db, new Date('2026-03-29T08:00:20Z'))).toEqual({ started: 0 });

    const runs = await t.db
      .selectFrom('workflow_runs')
      .select(['trigger_type', 'trigger_key', 'payload'])
      .where('workflow_id', '=', workflow.id)
      .execute();
    expect(runs).toEqual([
      {
        trigger_type: 'schedule',
        trigger_key: 'schedule:2026-03-29T08:00:00.000Z',
        payload: { scheduledFor: '2026-03-29T08:00:00.000Z' },
      },
    ]);
    const row = await t.db
      .selectFrom('workflows')
      .select('next_run_at')
      .where('id', '=', workflow.id)
      .executeTakeFirstOrThrow();
    expect(row.next_run_at).toEqual(new Date('2026-03-30T08:00:00Z'));
  });

  it('starts one run, not a burst, after a stretch with the scheduler down; disabled workflows are skipped', async () => {
    const workflow = await seedWorkflow(t.db, owner.workspaceId, {
      trigger: { type: 'schedule', cron: '*/5 * * * *', timezone: 'UTC' },
      steps: [{ id: 'note', type: 'log', config: { message: 'x' } }],
    });
    await t.db.updateTable('workflows').set({ enabled: false }).where('id', '!=', workflow.id).execute();
    await t.db
      .updateTable('workflows')
      .set({
        trigger_type: 'schedule',
        schedule_cron: '*/5 * * * *',
        schedule_timezone: 'UTC',
        next_run_at: new Date('2026-06-01T10:00:00Z'),
      })
      .where('id', '=', workflow.id)
      .execute();
    expect(await runDueSchedules(t.db, new Date('2026-06-01T12:02:00Z'))).toEqual({ started: 1 });
    const row = await t.db
      .selectFrom('workflows')
      .select('next_run_at')
      .where('id', '=', workflow.id)
      .executeTakeFirstOrThrow();
    expect(row.next_run_at).toEqual(new Date('2026-06-01T12:05:00Z'));

    await t.db.updateTable('workflows').set({ enabled: false }).where('id', '=', workflow.id).execute();
    expect(await runDueSchedules(t.db, new Date('2026-06-01T12:06:00Z'))).toEqual({ started: 0 });
  });
});

/** A scheduled workflow whose stored row says `cron` in `timezone`, due at `nextRunAt` (written directly, no validator). */
async function scheduledWorkflow(name: string, cron: string, timezone: string, nextRunAt: string) {
  const workflow = await seedWorkflow(t.db, owner.workspaceId, {
    name,
    trigger: { type: 'schedule', cron: '0 9 * * *', timezone: 'UTC' },
    steps: [{ id: 'note', type: 'log', config: { message: name } }],
  });
  await t.db
    .updateTable('workflows')
    .set({
      trigger_type: 'schedule',
      schedule_cron: cron,
      schedule_timezone: timezone,
      next_run_at: new Date(nextRunAt),
    })
    .where('id', '=', workflow.id)
    .execute();
  return workflow;
}

const runsOf = (workflowId: string) =>
  t.db.selectFrom('workflow_runs').select('trigger_key').where('workflow_id', '=', workflowId).execute();
const nextRunOf = async (workflowId: string) =>
  (await t.db.selectFrom('workflows').select('next_run_at').where('id', '=', workflowId).executeTakeFirstOrThrow())
    .next_run_at;
const scheduleFailures = () =>
  t.db
    .selectFrom('telemetry_logs')
    .select(['level', 'workspace_id', 'meta'])
    .where('name', '=', 'schedule.failed')
    .orderBy('created_at')
    .execute();

describe('one workflow cannot stop the schedules of the others', () => {
  it('starts the other due workflows in the same tick when one stored schedule cannot be computed, and records which one failed', async () => {
    await t.db.updateTable('workflows').set({ enabled: false }).execute();
    await t.db.deleteFrom('telemetry_logs').execute();
    // NOTE: the broken row is due first, so the old loop met it before the others.
    const broken = await scheduledWorkflow('broken', 'every day at nine', 'UTC', '2026-07-01T08:59:00Z');
    const london = await scheduledWorkflow('london', '0 10 * * *', 'Europe/London', '2026-07-01T09:00:00Z');
    const lordHowe = await scheduledWorkflow(
      'lord-howe',
      '*/30 * * * *',
      'Australia/Lord_Howe',
      '2026-07-01T09:00:00Z',
    );

    expect(await runDueSchedules(t.db, new Date('2026-07-01T09:00:05Z'))).toEqual({ started: 2 });
    expect(await runsOf(london.id)).toEqual([{ trigger_key: 'schedule:2026-07-01T09:00:00.000Z' }]);
    expect(await runsOf(lordHowe.id)).toEqual([{ trigger_key: 'schedule:2026-07-01T09:00:00.000Z' }]);
    expect(await runsOf(broken.id)).toEqual([]);
    expect(await nextRunOf(london.id)).toEqual(new Date('2026-07-02T09:00:00Z'));
    expect(await nextRunOf(lordHowe.id)).toEqual(new Date('2026-07-01T09:30:00Z'));

    const failures = await scheduleFailures();
    expect(failures).toEqual([
      {
        level: 'error',
        workspace_id: owner.workspaceId,
        meta: expect.objectContaining({
          workflow_id: broken.id,
          cron: 'every day at nine',
          retry_at: '2026-07-01T10:00:05.000Z',
        }),
      },
    ]);
    // NOTE: retried in an hour, not on every tick.
    expect(await nextRunOf(broken.id)).toEqual(new Date('2026-07-01T10:00:05Z'));
    expect(await runDueSchedules(t.db, new Date('2026-07-01T09:00:20Z'))).toEqual({ started: 0 });
    expect(await scheduleFailures()).toHaveLength(1);
  });

  it('skips a workflow whose stored time zone is not a zone, or whose run cannot be created, and keeps the rest going', async () => {
    await t.db.updateTable('workflows').set({ enabled: false }).execute();
    await t.db.deleteFrom('telemetry_logs').execute();
    const noZone = await scheduledWorkflow('no-zone', '0 9 * * *', 'Mars/Olympus', '2026-07-01T08:58:00Z');
    const noVersion = await scheduledWorkflow('no-version', '0 9 * * *', 'UTC', '2026-07-01T08:59:00Z');
    await t.db.updateTable('workflows').set({ current_version: 99 }).where('id', '=', noVersion.id).execute();
    const healthy = await scheduledWorkflow('healthy', '0 9 * * *', 'America/New_York', '2026-07-01T09:00:00Z');

    expect(await runDueSchedules(t.db, new Date('2026-07-01T09:00:05Z'))).toEqual({ started: 1 });
    expect(await runsOf(healthy.id)).toHaveLength(1);
    expect((await scheduleFailures()).map((row) => (row.meta as { workflow_id: string }).workflow_id).sort()).toEqual(
      [noZone.id, noVersion.id].sort(),
    );
    expect(await nextRunOf(noZone.id)).toEqual(new Date('2026-07-01T10:00:05Z'));
    // NOTE: the schedule itself is fine: the lost occurrence is recorded and the next one stands.
    expect(await nextRunOf(noVersion.id)).toEqual(new Date('2026-07-02T09:00:00Z'));
  });
});

describe('saving a schedule in a DST shift', () => {
  // NOTE: a workspace of its own, below the Free plan's workflow limit.
  let saver: Seeded;
  beforeAll(async () => {
    saver = await seedMember(t.db, 'owner');
  });
  afterEach(() => vi.useRealTimers());

  const lordHowe = (cron: string) => ({
    name: `Lord Howe ${cron}`,
    trigger: { type: 'schedule', cron, timezone: 'Australia/Lord_Howe' },
    steps: [{ id: 'note', type: 'log', config: { message: 'x' } }],
  });

  it('saves and edits an hourly Lord Howe workflow while the clocks go back (2026-04-05 02:00 → 01:30)', async () => {
    // NOTE: only Date is faked, so the database keeps its real timers.
    vi.useFakeTimers({ toFake: ['Date'], now: new Date('2026-04-04T14:00:00Z') });
    const created = await createWorkflow(t.db, saver.scope, lordHowe('0 * * * *'));
    // 01:00 +11 now; 02:00 +11 never comes (the clock reads 01:30 again), so 02:00 +10:30.
    expect(await nextRunOf(created.id)).toEqual(new Date('2026-04-04T15:30:00Z'));

    vi.setSystemTime(new Date('2026-04-04T14:10:00Z'));
    await updateWorkflow(t.db, saver.scope, created.id, lordHowe('0 1 * * *'));
    expect(await nextRunOf(created.id)).toEqual(new Date('2026-04-05T14:30:00Z'));
  });

  it('answers an unusable cron with a 422 naming trigger.cron', async () => {
    for (const cron of ['61 * * * *', '0 0 30 2 *']) {
      const error = await createWorkflow(t.db, saver.scope, lordHowe(cron)).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).status).toBe(422);
      expect((error as AppError).details).toEqual({ issues: [expect.objectContaining({ path: 'trigger.cron' })] });
    }
  });

  it('answers enabling a workflow whose stored schedule cannot be computed with a 422, not a 500', async () => {
    const workflow = await scheduledWorkflow('stored-broken', 'every day at nine', 'UTC', '2026-07-01T09:00:00Z');
    const error = await setWorkflowEnabled(t.db, owner.scope, workflow.id, true).catch((caught: unknown) => caught);
    expect((error as AppError).status).toBe(422);
    expect((error as AppError).details).toEqual({
      issues: [expect.objectContaining({ path: 'trigger.cron', code: 'invalid_cron' })],
    });
  });
});
