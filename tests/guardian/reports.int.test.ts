import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { parseEnv } from '@/lib/env';
import { runDailyReport } from '@/lib/guardian/run-daily-report';
import { sendWeeklyReports, weekStart } from '@/lib/guardian/send-weekly-reports';
import { seedMember } from '../accounts/seed';
import { seedRuns, seedWorkflow } from '../admin/seed-workflows';
import { createTestDb, type TestDb } from '../helpers/test-db';
import { clearGuardianData, minutesAgo, seedErrors } from './seed-telemetry';

let test: TestDb;
const env = parseEnv({ NODE_ENV: 'test', ADMIN_EMAIL: 'ops@levqor.test', APP_URL: 'https://levqor.test' });
const now = new Date('2026-11-23T08:00:00Z'); // a Monday

beforeAll(async () => {
  test = await createTestDb();
});
afterAll(() => test.close());
beforeEach(() => clearGuardianData(test.db));

describe('the daily report job', () => {
  it('keeps one report a day and emails the operators once, even when it runs again', async () => {
    await seedErrors(test.db, minutesAgo(now, 60), 'api.unhandled_error', ['boom', 'boom', 'boom']);
    const first = await runDailyReport(test.db, { now, env });
    expect(first.emailed).toBe(1);
    expect(await runDailyReport(test.db, { now: new Date(now.getTime() + 60_000), env })).toMatchObject({ emailed: 0 });
    const reports = await test.db.selectFrom('guardian_reports').selectAll().where('kind', '=', 'daily').execute();
    expect(reports).toHaveLength(1);
    expect(reports[0]!.health_score).toBe(first.health_score);
    expect(reports[0]!.body).toMatchObject({
      suggestions: expect.arrayContaining([expect.objectContaining({ code: 'fix_repeated_error' })]),
    });
    const emails = await test.db.selectFrom('email_outbox').selectAll().execute();
    expect(emails).toHaveLength(1);
    expect(emails[0]).toMatchObject({ to_address: 'ops@levqor.test', kind: 'operator_daily_report' });
    expect(emails[0]!.text).toContain('Fix the repeated error "boom"');
  });
});

describe('the weekly report job', () => {
  it('emails the owners of each active workspace their week, once per week', async () => {
    const acme = await seedMember(test.db, 'owner');
    await seedMember(test.db, 'member', acme.workspaceId);
    const workflow = await seedWorkflow(test.db, acme.workspaceId);
    await seedRuns(
      test.db,
      acme.workspaceId,
      workflow.id,
      ['succeeded', 'succeeded', 'failed'],
      minutesAgo(now, 24 * 60),
    );
    await seedRuns(test.db, acme.workspaceId, workflow.id, ['succeeded'], minutesAgo(now, 10 * 24 * 60));
    const paused = await seedMember(test.db, 'owner');
    await test.db.updateTable('workspaces').set({ status: 'suspended' }).where('id', '=', paused.workspaceId).execute();

    const result = await sendWeeklyReports(test.db, { now, env });
    expect(result).toMatchObject({ sent: 1, skipped: 0, failed: 0 });
    const emails = await test.db.selectFrom('email_outbox').selectAll().where('kind', '=', 'weekly_report').execute();
    expect(emails.map((email) => email.to_address)).toEqual([acme.email]);
    expect(emails[0]!.text).toContain('Workflow runs: 3 (2 succeeded, 1 failed)');

    expect(await sendWeeklyReports(test.db, { now: new Date(now.getTime() + 3_600_000), env })).toMatchObject({
      sent: 0,
      skipped: 1,
    });
    expect(
      await test.db.selectFrom('email_outbox').selectAll().where('kind', '=', 'weekly_report').execute(),
    ).toHaveLength(1);
  });

  it('starts weeks on Monday 00:00 UTC', () => {
    expect(weekStart(new Date('2026-11-23T08:00:00Z')).toISOString()).toBe('2026-11-23T00:00:00.000Z');
    expect(weekStart(new Date('2026-11-29T23:59:00Z')).toISOString()).toBe('2026-11-23T00:00:00.000Z');
    expect(weekStart(new Date('2026-11-30T00:00:00Z')).toISOString()).toBe('2026-11-30T00:00:00.000Z');
  });
});
