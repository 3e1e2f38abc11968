import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jobDefinitions } from '@/lib/jobs/definitions';
import { runScheduledJob } from '@/lib/jobs/run-job';
import { createTestDb, type TestDb } from '../helpers/test-db';

let test: TestDb;
beforeAll(async () => {
  test = await createTestDb();
});
afterAll(() => test.close());

const heartbeat = jobDefinitions.find((job) => job.id === 'heartbeat')!;

describe('the heartbeat job', () => {
  it('writes a heartbeat row with db_ok true and records the run', async () => {
    const outcome = await runScheduledJob(test.db, heartbeat, new Date('2026-08-01T00:00:00Z'));

    const rows = await test.db.selectFrom('heartbeats').selectAll().execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ db_ok: true, status: expect.stringMatching(/^(ok|degraded)$/) });
    expect(rows[0]!.latency_ms).toBeGreaterThanOrEqual(0);
    expect(outcome).toMatchObject({ status: 'succeeded', result: { db_ok: true } });
    const run = await test.db
      .selectFrom('job_runs')
      .selectAll()
      .where('job_id', '=', 'heartbeat')
      .executeTakeFirstOrThrow();
    expect(run.result).toMatchObject({ db_ok: true, status: rows[0]!.status });
  });
});
