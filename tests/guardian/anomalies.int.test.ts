import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { findAnomalies } from '@/lib/guardian/find-anomalies';
import { createTestDb, type TestDb } from '../helpers/test-db';
import { clearGuardianData, minutesAgo, seedErrors, seedHeartbeats, seedTraffic } from './seed-telemetry';

let test: TestDb;
const now = new Date('2026-11-20T12:02:30Z');
beforeAll(async () => {
  test = await createTestDb();
});
afterAll(() => test.close());
beforeEach(() => clearGuardianData(test.db));

const kinds = async () => (await findAnomalies(test.db, { windowMinutes: 60, now })).anomalies;

describe('anomaly rules on seeded telemetry', () => {
  it('flags an error message repeated 3 times (digits ignored), not one seen twice', async () => {
    await seedErrors(test.db, minutesAgo(now, 10), 'api.unhandled_error', [
      'Upstream timed out after 2013 ms',
      'Upstream timed out after 1977 ms',
      'Upstream timed out after 2500 ms',
    ]);
    await seedErrors(test.db, minutesAgo(now, 10), 'api.unhandled_error', ['Card declined', 'Card declined']);
    const found = (await kinds()).filter((a) => a.kind === 'repeated_error');
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({
      severity: 'warning',
      details: { count: 3, name: 'api.unhandled_error', path: '/api/workflows' },
    });
  });

  it('ignores errors outside the window', async () => {
    await seedErrors(test.db, minutesAgo(now, 90), 'api.unhandled_error', [
      'Old failure',
      'Old failure',
      'Old failure',
    ]);
    expect(await kinds()).toEqual([]);
  });

  it('keeps repeated browser-reported errors at warning however many there are (the intake is public)', async () => {
    await seedErrors(
      test.db,
      minutesAgo(now, 5),
      'web.uncaught_error',
      Array.from({ length: 40 }, () => 'x is not a function'),
      '/dashboard',
    );
    await seedErrors(
      test.db,
      minutesAgo(now, 5),
      'api.unhandled_error',
      Array.from({ length: 25 }, () => 'relation missing'),
    );
    const repeated = (await kinds()).filter((a) => a.kind === 'repeated_error');
    expect(repeated.find((a) => a.details.name === 'web.uncaught_error')?.severity).toBe('warning');
    expect(repeated.find((a) => a.details.name === 'api.unhandled_error')?.severity).toBe('critical');
  });

  it('flags endpoints whose mean over the window is over 2000 ms, weighted by request count', async () => {
    await seedTraffic(test.db, minutesAgo(now, 20), [
      { path: '/api/reports', count: 1, meanMs: 9_000 },
      { path: '/api/reports', count: 3, meanMs: 1_000 },
      { method: 'POST', path: '/api/workflows/:id/runs', count: 10, meanMs: 2_400 },
      { path: '/api/me', count: 50, meanMs: 40 },
    ]);
    const slow = (await kinds()).filter((a) => a.kind === 'slow_endpoint');
    // /api/reports: (9000 + 3 × 1000) / 4 = 3000 ms
    expect(slow.map((a) => [a.details.route, a.details.mean_ms])).toEqual(
      expect.arrayContaining([
        ['GET /api/reports', 3000],
        ['POST /api/workflows/:id/runs', 2400],
      ]),
    );
    expect(slow).toHaveLength(2);
  });

  it('does not let browser rows pose as slow API endpoints', async () => {
    await seedTraffic(test.db, minutesAgo(now, 5), [
      { path: '/api/me', count: 1, meanMs: 50_000, name: 'web.page_load' },
    ]);
    expect(await kinds()).toEqual([]);
  });

  it('flags an error rate over 10 % and calls it critical over 25 %; judges nothing under 20 requests', async () => {
    await seedTraffic(test.db, minutesAgo(now, 5), [{ path: '/api/a', count: 100, meanMs: 50, serverErrors: 11 }]);
    expect((await kinds()).find((a) => a.kind === 'high_error_rate')).toMatchObject({
      severity: 'warning',
      details: { error_rate_pct: 11, failed: 11, requests: 100 },
    });

    await clearGuardianData(test.db);
    await seedTraffic(test.db, minutesAgo(now, 5), [{ path: '/api/a', count: 40, meanMs: 50, serverErrors: 12 }]);
    expect((await kinds()).find((a) => a.kind === 'high_error_rate')?.severity).toBe('critical');

    await clearGuardianData(test.db);
    await seedTraffic(test.db, minutesAgo(now, 5), [{ path: '/api/a', count: 100, meanMs: 50, serverErrors: 10 }]);
    expect((await kinds()).some((a) => a.kind === 'high_error_rate')).toBe(false);

    await clearGuardianData(test.db);
    await seedTraffic(test.db, minutesAgo(now, 5), [{ path: '/api/a', count: 10, meanMs: 50, serverErrors: 9 }]);
    expect((await kinds()).some((a) => a.kind === 'high_error_rate')).toBe(false);
  });

  it('detects a 3-sigma error spike against the last 6 hours, and not a steady error level', async () => {
    for (let bucket = 1; bucket < 72; bucket++) {
      await seedErrors(test.db, minutesAgo(now, bucket * 5), 'api.unhandled_error', [
        `steady ${bucket % 2 ? 'a' : 'b'}`,
      ]);
    }
    expect((await kinds()).some((a) => a.kind === 'error_spike')).toBe(false);
    await seedErrors(
      test.db,
      minutesAgo(now, 1),
      'api.unhandled_error',
      Array.from({ length: 12 }, (_, i) => `burst ${i % 2 ? 'x' : 'y'}`),
    );
    const spike = (await kinds()).find((a) => a.kind === 'error_spike');
    expect(spike).toMatchObject({ severity: 'critical', details: { latest: 12 } });
  });

  it('detects a latency spike in the newest bucket', async () => {
    for (let bucket = 1; bucket < 24; bucket++)
      await seedTraffic(test.db, minutesAgo(now, bucket * 5), [
        { path: '/api/me', count: 20, meanMs: 80 + (bucket % 3) * 10 },
      ]);
    await seedTraffic(test.db, minutesAgo(now, 1), [{ path: '/api/me', count: 20, meanMs: 1_400 }]);
    expect((await kinds()).find((a) => a.kind === 'latency_spike')).toMatchObject({
      severity: 'warning',
      details: { latest: 1400 },
    });
  });

  it('reports a job that keeps failing, and forgets it once the job succeeds again', async () => {
    const run = (scheduledFor: Date, status: 'failed' | 'succeeded') =>
      test.db
        .insertInto('job_runs')
        .values({
          job_id: 'daily-report',
          scheduled_for: scheduledFor,
          status,
          started_at: scheduledFor,
          error: status === 'failed' ? 'SMTP down' : null,
        })
        .execute();
    await run(minutesAgo(now, 180), 'failed');
    await run(minutesAgo(now, 120), 'failed');
    expect((await kinds()).find((a) => a.kind === 'job_failures')).toMatchObject({
      severity: 'warning',
      details: { job: 'daily-report', failures: 2, last_error: 'SMTP down' },
    });
    await run(minutesAgo(now, 60), 'succeeded');
    expect((await kinds()).some((a) => a.kind === 'job_failures')).toBe(false);
  });

  it('calls a heartbeat that stopped 5 minutes ago, or that reported down, critical', async () => {
    await seedHeartbeats(test.db, [minutesAgo(now, 7)]);
    expect((await kinds()).map((a) => [a.kind, a.severity])).toEqual([['heartbeat_stale', 'critical']]);
    await seedHeartbeats(test.db, [minutesAgo(now, 0.5)], 'down');
    expect((await kinds()).map((a) => a.kind)).toEqual(['heartbeat_down']);
  });

  it('finds nothing on a fresh install', async () => {
    expect(await findAnomalies(test.db, { now })).toMatchObject({ anomalies: [], counts: { critical: 0, warning: 0 } });
  });
});
