import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jobDefinitions } from '@/lib/jobs/definitions';
import { runScheduledJob } from '@/lib/jobs/run-job';
import { createTestDb, type TestDb } from '../helpers/test-db';

let test: TestDb;
beforeAll(async () => {
  test = await createTestDb();
});
afterAll(() => test.close());

const retention = jobDefinitions.find((job) => job.id === 'telemetry-retention')!;
const now = new Date('2026-09-30T04:00:00Z');
const daysAgo = (days: number) => new Date(now.getTime() - days * 86_400_000);

describe('the telemetry retention job', () => {
  it('deletes telemetry older than 30 days and heartbeats older than 90 days, keeping the rest', async () => {
    await test.db
      .insertInto('telemetry_logs')
      .values(
        [31, 29].map((days) => ({
          level: 'info' as const,
          kind: 'event' as const,
          name: `aged-${days}`,
          created_at: daysAgo(days),
        })),
      )
      .execute();
    await test.db
      .insertInto('heartbeats')
      .values([91, 60].map((days) => ({ status: 'ok', db_ok: true, created_at: daysAgo(days) })))
      .execute();

    const outcome = await runScheduledJob(test.db, retention, now, { now: () => now });

    expect(outcome).toEqual({ status: 'succeeded', attempt: 1, result: { telemetryLogs: 1, heartbeats: 1 } });
    expect((await test.db.selectFrom('telemetry_logs').select('name').execute()).map((row) => row.name)).toEqual([
      'aged-29',
    ]);
    expect(await test.db.selectFrom('heartbeats').select('created_at').execute()).toEqual([
      { created_at: daysAgo(60) },
    ]);
  });
});
