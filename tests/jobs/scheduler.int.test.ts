import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { type EmbeddedScheduler, startEmbeddedScheduler } from '@/lib/jobs/embedded-scheduler';
import type { JobContext, JobDefinition } from '@/lib/jobs/types';
import { createTestDb, type TestDb } from '../helpers/test-db';

let test: TestDb;
beforeAll(async () => {
  test = await createTestDb();
});
afterAll(() => test.close());

let scheduler: EmbeddedScheduler | undefined;
afterEach(() => scheduler?.stop());

function countingJob(id: string, cron = '* * * * *') {
  const run = vi.fn(async (_ctx: JobContext) => ({ ok: true }));
  const job: JobDefinition = { id, description: id, cron, timezone: 'UTC', run };
  return { job, run };
}

function claimedOccurrences(jobId: string) {
  return test.db
    .selectFrom('job_runs')
    .select(['scheduled_for', 'status'])
    .where('job_id', '=', jobId)
    .orderBy('scheduled_for')
    .execute();
}

describe('the embedded scheduler', () => {
  it('runs a due job once per occurrence and not again on the next tick for the same occurrence', async () => {
    const { job, run } = countingJob('every-minute');
    let clock = new Date('2026-06-01T12:00:05Z');
    scheduler = startEmbeddedScheduler({
      getDb: async () => test.db,
      jobs: [job],
      now: () => clock,
      intervalMs: 60_000,
    });

    await scheduler.tick();
    expect(run).toHaveBeenCalledTimes(1);
    expect(run.mock.calls[0]![0].now).toEqual(clock);

    clock = new Date('2026-06-01T12:00:20Z');
    await scheduler.tick();
    clock = new Date('2026-06-01T12:00:35Z');
    await scheduler.tick();
    expect(run).toHaveBeenCalledTimes(1);

    clock = new Date('2026-06-01T12:01:02Z');
    await scheduler.tick();
    expect(run).toHaveBeenCalledTimes(2);
    expect(await claimedOccurrences('every-minute')).toEqual([
      { scheduled_for: new Date('2026-06-01T12:00:00Z'), status: 'succeeded' },
      { scheduled_for: new Date('2026-06-01T12:01:00Z'), status: 'succeeded' },
    ]);
  });

  it('runs a daily job only once its time has come, for the latest occurrence', async () => {
    const { job, run } = countingJob('daily-at-three', '0 3 * * *');
    let clock = new Date('2026-06-02T02:59:50Z');
    scheduler = startEmbeddedScheduler({ getDb: async () => test.db, jobs: [job], now: () => clock });

    await scheduler.tick();
    expect(await claimedOccurrences('daily-at-three')).toEqual([
      { scheduled_for: new Date('2026-06-01T03:00:00Z'), status: 'succeeded' },
    ]);
    clock = new Date('2026-06-02T03:00:10Z');
    await scheduler.tick();
    await scheduler.tick();
    expect(run).toHaveBeenCalledTimes(2);
    expect((await claimedOccurrences('daily-at-three')).at(-1)?.scheduled_for).toEqual(
      new Date('2026-06-02T03:00:00Z'),
    );
  });

  it('leaves an occurrence that another instance already claimed', async () => {
    const { job, run } = countingJob('claimed-elsewhere');
    await test.db
      .insertInto('job_runs')
      .values({ job_id: 'claimed-elsewhere', scheduled_for: new Date('2026-06-01T08:00:00Z'), status: 'running' })
      .execute();
    scheduler = startEmbeddedScheduler({
      getDb: async () => test.db,
      jobs: [job],
      now: () => new Date('2026-06-01T08:00:30Z'),
    });

    await scheduler.tick();
    expect(run).not.toHaveBeenCalled();
  });

  it('starts once per process and ticks on its own timer', async () => {
    const { job, run } = countingJob('timer-driven');
    scheduler = startEmbeddedScheduler({ getDb: async () => test.db, jobs: [job], intervalMs: 10 });
    expect(startEmbeddedScheduler({ getDb: async () => test.db, jobs: [], intervalMs: 10 })).toBe(scheduler);

    await vi.waitFor(() => expect(run).toHaveBeenCalledTimes(1));
    scheduler.stop();
    const again = startEmbeddedScheduler({ getDb: async () => test.db, jobs: [], intervalMs: 60_000 });
    expect(again).not.toBe(scheduler);
    again.stop();
  });

  it("runs the other jobs when one job's occurrence cannot be computed, and the tick still completes", async () => {
    const healthy = countingJob('healthy-beside-broken');
    const broken = countingJob('broken-cron', 'every minute');
    scheduler = startEmbeddedScheduler({
      getDb: async () => test.db,
      jobs: [broken.job, healthy.job],
      now: () => new Date('2026-06-01T10:00:30Z'),
      intervalMs: 60_000,
    });

    await expect(scheduler.tick()).resolves.toBeUndefined();
    expect(healthy.run).toHaveBeenCalledTimes(1);
    expect(broken.run).not.toHaveBeenCalled();
    expect(await claimedOccurrences('broken-cron')).toEqual([]);
  });

  it('keeps ticking when the database is unavailable', async () => {
    const { job, run } = countingJob('no-database');
    scheduler = startEmbeddedScheduler({
      getDb: () => Promise.reject(new Error('down')),
      jobs: [job],
      now: () => new Date('2026-06-01T09:00:00Z'),
    });
    await expect(scheduler.tick()).resolves.toBeUndefined();
    expect(run).not.toHaveBeenCalled();
  });
});
