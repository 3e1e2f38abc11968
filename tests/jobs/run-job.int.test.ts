import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { runScheduledJob } from '@/lib/jobs/run-job';
import type { JobDefinition } from '@/lib/jobs/types';
import { createTestDb, type TestDb } from '../helpers/test-db';

let test: TestDb;
beforeAll(async () => {
  test = await createTestDb();
});
afterAll(() => test.close());

function job(id: string, run: JobDefinition['run']): JobDefinition {
  return { id, description: id, cron: '* * * * *', timezone: 'UTC', run };
}

function runsOf(jobId: string) {
  return test.db.selectFrom('job_runs').selectAll().where('job_id', '=', jobId).orderBy('scheduled_for').execute();
}

const noSleep = { sleep: () => Promise.resolve() };

describe('running a scheduled job occurrence', () => {
  it('runs an occurrence exactly once when five instances race for it', async () => {
    const run = vi.fn(async () => {
      await new Promise((resolve) => setTimeout(resolve, 20));
      return { cleaned: 3 };
    });
    const counted = job('race', run);
    const at = new Date('2026-05-01T10:00:00Z');
    const outcomes = await Promise.all(Array.from({ length: 5 }, () => runScheduledJob(test.db, counted, at)));

    expect(run).toHaveBeenCalledTimes(1);
    expect(outcomes.filter((o) => o.status === 'succeeded')).toEqual([
      { status: 'succeeded', attempt: 1, result: { cleaned: 3 } },
    ]);
    expect(outcomes.filter((o) => o.status === 'skipped')).toHaveLength(4);
    const rows = await runsOf('race');
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      status: 'succeeded',
      attempt: 1,
      error: null,
      result: { cleaned: 3 },
      scheduled_for: at,
    });
    expect(rows[0]!.finished_at).toBeInstanceOf(Date);
  });

  it('runs the next occurrence separately', async () => {
    const run = vi.fn(async () => 'ok');
    const ticking = job('ticking', run);
    await runScheduledJob(test.db, ticking, new Date('2026-05-01T10:00:00Z'));
    await runScheduledJob(test.db, ticking, new Date('2026-05-01T10:01:00Z'));
    await runScheduledJob(test.db, ticking, new Date('2026-05-01T10:01:00Z'));
    expect(run).toHaveBeenCalledTimes(2);
    expect((await runsOf('ticking')).map((row) => row.status)).toEqual(['succeeded', 'succeeded']);
  });

  it('retries a failing job with backoff and records it failed with the error after 3 attempts', async () => {
    const run = vi.fn(async () => {
      throw new Error('provider unavailable');
    });
    const delays: number[] = [];
    const outcome = await runScheduledJob(test.db, job('broken', run), new Date('2026-05-01T11:00:00Z'), {
      backoffMs: 100,
      sleep: async (ms) => void delays.push(ms),
    });

    expect(outcome).toEqual({ status: 'failed', attempt: 3, error: 'provider unavailable' });
    expect(run).toHaveBeenCalledTimes(3);
    expect(delays).toEqual([100, 200]);
    const [row] = await runsOf('broken');
    expect(row).toMatchObject({ status: 'failed', attempt: 3, error: 'provider unavailable', result: null });
    expect(row!.finished_at).toBeInstanceOf(Date);
  });

  it('succeeds on attempt 2 when the first attempt fails', async () => {
    const run = vi
      .fn()
      .mockRejectedValueOnce(new Error('timeout'))
      .mockResolvedValueOnce({ purged: ['w1'] });
    const outcome = await runScheduledJob(test.db, job('flaky', run), new Date('2026-05-01T12:00:00Z'), noSleep);

    expect(outcome).toEqual({ status: 'succeeded', attempt: 2, result: { purged: ['w1'] } });
    const [row] = await runsOf('flaky');
    expect(row).toMatchObject({ status: 'succeeded', attempt: 2, error: null, result: { purged: ['w1'] } });
  });

  it('masks credentials in a recorded error', async () => {
    const leaky = job('leaky', async () => {
      throw new Error('rejected key sk_live_abcdefghijkl');
    });
    const outcome = await runScheduledJob(test.db, leaky, new Date('2026-05-01T13:00:00Z'), {
      ...noSleep,
      maxAttempts: 1,
    });
    expect(outcome).toEqual({ status: 'failed', attempt: 1, error: 'rejected key sk_live_[REDACTED]' });
  });
});
