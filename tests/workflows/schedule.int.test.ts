import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nextScheduledRun } from '@/lib/workflows/trigger-columns';
import { runDueSchedules } from '@/lib/workflows/triggers/run-due-schedules';
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
    at = nextScheduledRun(cron, timezone, at);
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
    expect(occurrences('0 9 * * 1-5', 'America/New_York', '2026-10-30T00:00:00Z', 2)).toEqual(['2026-10-30T13:00:00.000Z', '2026-11-02T14:00:00.000Z']);
  });

  it('runs a 01:30 London job once on the night the clocks go back, and does not skip the night they go forward', () => {
    expect(occurrences('30 1 * * *', 'Europe/London', '2026-10-24T12:00:00Z', 2)).toEqual(['2026-10-25T00:30:00.000Z', '2026-10-26T01:30:00.000Z']);
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
    await t.db.updateTable('workflows').set({ trigger_type: 'schedule', schedule_cron: '0 9 * * *', schedule_timezone: 'Europe/London', next_run_at: new Date('2026-03-29T08:00:00Z') }).where('id', '=', workflow.id).execute();

    expect(await runDueSchedules(t.db, new Date('2026-03-29T07:59:59Z'))).toEqual({ started: 0 });
    expect(await runDueSchedules(t.db, new Date('2026-03-29T08:00:10Z'))).toEqual({ started: 1 });
    expect(await runDueSchedules(t.db, new Date('2026-03-29T08:00:20Z'))).toEqual({ started: 0 });

    const runs = await t.db.selectFrom('workflow_runs').select(['trigger_type', 'trigger_key', 'payload']).where('workflow_id', '=', workflow.id).execute();
    expect(runs).toEqual([{ trigger_type: 'schedule', trigger_key: 'schedule:2026-03-29T08:00:00.000Z', payload: { scheduledFor: '2026-03-29T08:00:00.000Z' } }]);
    const row = await t.db.selectFrom('workflows').select('next_run_at').where('id', '=', workflow.id).executeTakeFirstOrThrow();
    expect(row.next_run_at).toEqual(new Date('2026-03-30T08:00:00Z'));
  });

  it('starts one run, not a burst, after a stretch with the scheduler down; disabled workflows are skipped', async () => {
    const workflow = await seedWorkflow(t.db, owner.workspaceId, { trigger: { type: 'schedule', cron: '*/5 * * * *', timezone: 'UTC' }, steps: [{ id: 'note', type: 'log', config: { message: 'x' } }] });
    await t.db.updateTable('workflows').set({ enabled: false }).where('id', '!=', workflow.id).execute();
    await t.db.updateTable('workflows').set({ trigger_type: 'schedule', schedule_cron: '*/5 * * * *', schedule_timezone: 'UTC', next_run_at: new Date('2026-06-01T10:00:00Z') }).where('id', '=', workflow.id).execute();
    expect(await runDueSchedules(t.db, new Date('2026-06-01T12:02:00Z'))).toEqual({ started: 1 });
    const row = await t.db.selectFrom('workflows').select('next_run_at').where('id', '=', workflow.id).executeTakeFirstOrThrow();
    expect(row.next_run_at).toEqual(new Date('2026-06-01T12:05:00Z'));

    await t.db.updateTable('workflows').set({ enabled: false }).where('id', '=', workflow.id).execute();
    expect(await runDueSchedules(t.db, new Date('2026-06-01T12:06:00Z'))).toEqual({ started: 0 });
  });
});
