import { InngestTestEngine } from '@inngest/test';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createScheduledJobFunctions } from '@/inngest/functions/scheduled-jobs';
import type { JobDefinition } from '@/lib/jobs/types';
import { createTestDb, type TestDb } from '../helpers/test-db';

let test: TestDb;
beforeAll(async () => {
  test = await createTestDb();
});
afterAll(() => test.close());

const timerEvent = (ts: number) => ({ name: 'inngest/scheduled.timer', data: { cron: 'TZ=UTC */5 * * * *' }, ts });

describe('the Inngest scheduled-job functions', () => {
  it('runs the job inside its step and returns the result, keyed by the cron occurrence', async () => {
    const run = vi.fn(async () => ({ pruned: 7 }));
    const job: JobDefinition = { id: 'prune', description: 'prune', cron: '*/5 * * * *', timezone: 'UTC', run };
    const [fn] = createScheduledJobFunctions({ getDb: async () => test.db, jobs: [job] });
    const t = new InngestTestEngine({ function: fn! });

    const { result, ctx } = await t.execute({ events: [timerEvent(Date.parse('2026-07-01T10:05:00.250Z'))] });

    expect(result).toEqual({ status: 'succeeded', attempt: 1, result: { pruned: 7 } });
    expect(ctx.step.run).toHaveBeenCalledWith('prune', expect.any(Function));
    expect(run).toHaveBeenCalledTimes(1);
    const rows = await test.db
      .selectFrom('job_runs')
      .select(['scheduled_for', 'status'])
      .where('job_id', '=', 'prune')
      .execute();
    expect(rows).toEqual([{ scheduled_for: new Date('2026-07-01T10:05:00Z'), status: 'succeeded' }]);
  });

  it('skips an occurrence that already ran (a redelivered tick does not run the job twice)', async () => {
    const run = vi.fn(async () => 'done');
    const job: JobDefinition = { id: 'once', description: 'once', cron: '*/5 * * * *', timezone: 'UTC', run };
    const [fn] = createScheduledJobFunctions({ getDb: async () => test.db, jobs: [job] });
    // NOTE: a fresh engine per delivery; one engine would replay its memoized step state instead of running again.
    const deliver = (ts: string) =>
      new InngestTestEngine({ function: fn!, events: [timerEvent(Date.parse(ts))] }).execute();

    await deliver('2026-07-01T10:10:00Z');
    const { result } = await deliver('2026-07-01T10:09:59.900Z');

    expect(result).toEqual({ status: 'skipped' });
    expect(run).toHaveBeenCalledTimes(1);
  });
});
