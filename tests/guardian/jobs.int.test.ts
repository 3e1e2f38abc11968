import { sql } from 'kysely';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { scheduledJobFunctions } from '@/inngest/functions/scheduled-jobs';
import { listJobOverview } from '@/lib/admin/list-job-runs';
import { findAnomalies } from '@/lib/guardian/find-anomalies';
import { getUptime } from '@/lib/guardian/uptime';
import { jobDefinitions } from '@/lib/jobs/definitions';
import { schedulerEntries, startEmbeddedScheduler } from '@/lib/jobs/embedded-scheduler';
import { runScheduledJob } from '@/lib/jobs/run-job';
import { inngestCron } from '@/lib/jobs/schedule';
import type { JobDefinition } from '@/lib/jobs/types';
import { createTestDb, type TestDb } from '../helpers/test-db';
import { clearGuardianData } from './seed-telemetry';

let test: TestDb;
beforeAll(async () => {
  test = await createTestDb();
});
afterAll(() => test.close());
beforeEach(() => clearGuardianData(test.db));

const operationsJobs = {
  heartbeat: '* * * * *',
  'anomaly-alerts': '*/5 * * * *',
  'upgrade-planner': '0 */6 * * *',
  'daily-report': '0 6 * * *',
  'weekly-report': '0 8 * * 1',
  'telemetry-retention': '0 4 * * *',
  'guardian-retention': '30 4 * * *',
};

describe('operations jobs', () => {
  it('are declared once and give Inngest and the embedded scheduler the same schedule', () => {
    const entries = schedulerEntries(jobDefinitions);
    for (const [id, cron] of Object.entries(operationsJobs)) {
      const entry = entries.find((candidate) => candidate.id === id);
      const fn = scheduledJobFunctions.find((candidate) => candidate.id() === `job-${id}`);
      expect(entry, id).toEqual({ id, cron, timezone: 'UTC' });
      const [trigger] = fn?.opts.triggers ?? [];
      expect(trigger && 'cron' in trigger ? trigger.cron : null, id).toBe(inngestCron(entry!));
      expect(fn?.opts.retries).toBe(3);
    }
  });

  it('write one heartbeat row per minute through the embedded scheduler, which uptime counts', async () => {
    let clock = new Date('2026-11-20T12:00:05Z');
    const heartbeat = jobDefinitions.find((job) => job.id === 'heartbeat')!;
    const scheduler = startEmbeddedScheduler({
      getDb: async () => test.db,
      jobs: [heartbeat],
      now: () => clock,
      intervalMs: 3_600_000,
    });
    try {
      for (const at of ['12:00:05', '12:00:20', '12:00:50', '12:01:03', '12:02:10', '12:02:40', '12:03:01']) {
        clock = new Date(`2026-11-20T${at}Z`);
        await scheduler.tick();
      }
    } finally {
      scheduler.stop();
    }
    const runs = await test.db
      .selectFrom('job_runs')
      .select(['scheduled_for', 'status'])
      .where('job_id', '=', 'heartbeat')
      .orderBy('scheduled_for')
      .execute();
    expect(runs.map((run) => run.scheduled_for.toISOString().slice(11, 16))).toEqual([
      '12:00',
      '12:01',
      '12:02',
      '12:03',
    ]);
    expect(runs.every((run) => run.status === 'succeeded')).toBe(true);
    const beats = await test.db.selectFrom('heartbeats').select('db_ok').execute();
    expect(beats).toHaveLength(4);
    // NOTE: heartbeat rows carry the wall-clock time they were written; backdate them onto the simulated minutes.
    const ids = await test.db.selectFrom('heartbeats').select('id').orderBy('id').execute();
    for (const [index, row] of ids.entries())
      await sql`update heartbeats set created_at = ${new Date(`2026-11-20T12:0${index}:10Z`)} where id = ${row.id}`.execute(
        test.db,
      );
    const uptime = await getUptime(test.db, new Date('2026-11-19T12:00:00Z'), new Date('2026-11-20T12:06:30Z'));
    // Minutes 12:00–12:05 are judged; 12:04 and 12:05 had no heartbeat.
    expect(uptime).toMatchObject({ expectedMinutes: 6, upMinutes: 4, uptimePct: 66.67 });
  });

  it('retry a failing job, then show the failure to admins and raise an anomaly', async () => {
    let attempts = 0;
    const failing: JobDefinition = {
      id: 'daily-report',
      description: 'x',
      cron: '0 6 * * *',
      timezone: 'UTC',
      run: async () => {
        attempts += 1;
        throw new Error('SMTP relay refused');
      },
    };
    const outcome = await runScheduledJob(test.db, failing, new Date('2026-11-20T06:00:00Z'), {
      sleep: async () => {},
    });
    expect(outcome).toEqual({ status: 'failed', attempt: 3, error: 'SMTP relay refused' });
    expect(attempts).toBe(3);
    const overview = await listJobOverview(test.db, new Date('2026-11-20T07:00:00Z'));
    expect(overview.jobs.find((job) => job.id === 'daily-report')).toMatchObject({
      failures7d: 1,
      last: { status: 'failed', attempt: 3, error: 'SMTP relay refused' },
    });
    expect(overview.failures.map((run) => run.jobId)).toEqual(['daily-report']);
    const { anomalies } = await findAnomalies(test.db, { now: new Date() });
    expect(anomalies.find((a) => a.kind === 'job_failures')).toMatchObject({
      details: { job: 'daily-report', failures: 1 },
    });
  });
});
