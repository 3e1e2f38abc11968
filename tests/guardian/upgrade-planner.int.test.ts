import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Anomaly } from '@/lib/guardian/anomaly-rules';
import type { HealingCheck } from '@/lib/guardian/healing-plan';
import { derivePlans } from '@/lib/guardian/upgrade/derive-plans';
import { getUpgradePlan } from '@/lib/guardian/upgrade/get-plan';
import { listUpgradePlans } from '@/lib/guardian/upgrade/list-plans';
import { applyPlanCandidates, rebuildUpgradePlans } from '@/lib/guardian/upgrade/rebuild-plans';
import { summarizeUpgradePlans } from '@/lib/guardian/upgrade/summarize-plans';
import { parseEnv } from '@/lib/env';
import { createTestDb, type TestDb } from '../helpers/test-db';
import { clearGuardianData, minutesAgo, seedErrors, seedTraffic } from './seed-telemetry';

let test: TestDb;
const env = parseEnv({ NODE_ENV: 'test' });
const now = new Date('2026-11-20T12:00:00Z');
const hours = (h: number) => new Date(now.getTime() + h * 3_600_000);

beforeAll(async () => {
  test = await createTestDb();
});
afterAll(() => test.close());
beforeEach(() => clearGuardianData(test.db));

const snapshot = async () =>
  await test.db
    .selectFrom('upgrade_plans')
    .select(['id', 'fingerprint', 'status', 'priority', 'category', 'title'])
    .orderBy('fingerprint')
    .execute();

const slow: Anomaly = {
  fingerprint: 'slow_endpoint:GET /api/reports',
  kind: 'slow_endpoint',
  severity: 'warning',
  title: 'slow',
  details: { route: 'GET /api/reports', mean_ms: 3000, p95_ms: 4000, max_ms: 5000, requests: 12 },
};
const stripeMissing: HealingCheck = {
  id: 'stripe',
  status: 'not_configured',
  summary: 'Stripe is not configured',
  details: {},
  actions: [],
};

describe('the upgrade planner', () => {
  it('derives plans from seeded anomalies and healing checks', async () => {
    await seedTraffic(test.db, minutesAgo(now, 30), [{ path: '/api/reports', count: 12, meanMs: 3_000 }]);
    await seedErrors(test.db, minutesAgo(now, 30), 'api.unhandled_error', [
      'deadlock detected',
      'deadlock detected',
      'deadlock detected',
    ]);
    const result = await rebuildUpgradePlans(test.db, { now, env });
    expect(result).toMatchObject({ created: 4, updated: 0, archived: 0, open: 4 });
    const plans = await listUpgradePlans(test.db, { limit: 50 });
    expect(plans.map((plan) => [plan.category, plan.priority, plan.status, plan.source])).toEqual([
      ['performance', 2, 'open', 'anomaly'],
      ['reliability', 2, 'open', 'anomaly'],
      ['pricing', 3, 'open', 'healing'],
      ['ux', 4, 'open', 'healing'],
    ]);
    expect(plans[0]!.metadata).toMatchObject({ code: 'speed_up_endpoint', params: { route: 'GET /api/reports' } });
  });

  it('is idempotent: a second rebuild creates nothing and keeps every plan and id', async () => {
    await seedTraffic(test.db, minutesAgo(now, 30), [{ path: '/api/reports', count: 12, meanMs: 3_000 }]);
    await rebuildUpgradePlans(test.db, { now, env });
    const first = await snapshot();
    const second = await rebuildUpgradePlans(test.db, { now: new Date(now.getTime() + 60_000), env });
    expect(second).toMatchObject({ created: 0, updated: 0, reopened: 0, archived: 0, unchanged: first.length });
    expect(await snapshot()).toEqual(first);
  });

  it('runs concurrently without duplicating plans', async () => {
    const candidates = derivePlans({ anomalies: [slow], checks: [stripeMissing], failedSignIns: 0 });
    await Promise.all([
      applyPlanCandidates(test.db, candidates, now),
      applyPlanCandidates(test.db, candidates, now),
      applyPlanCandidates(test.db, candidates, now),
    ]);
    expect((await snapshot()).map((plan) => plan.fingerprint)).toEqual([
      'anomaly:slow_endpoint:GET /api/reports',
      'healing:stripe:not_configured',
    ]);
  });

  it('archives an open plan not seen for a day, keeps one in progress, and reopens an archived plan that recurs', async () => {
    await applyPlanCandidates(
      test.db,
      derivePlans({ anomalies: [slow], checks: [stripeMissing], failedSignIns: 0 }),
      now,
    );
    await test.db
      .updateTable('upgrade_plans')
      .set({ status: 'in_progress' })
      .where('fingerprint', '=', 'healing:stripe:not_configured')
      .execute();

    expect(await applyPlanCandidates(test.db, [], hours(23))).toMatchObject({ archived: 0 });
    expect(await applyPlanCandidates(test.db, [], hours(25))).toMatchObject({ archived: 1, open: 1 });
    expect((await snapshot()).map((plan) => [plan.fingerprint, plan.status])).toEqual([
      ['anomaly:slow_endpoint:GET /api/reports', 'archived'],
      ['healing:stripe:not_configured', 'in_progress'],
    ]);

    const again = await applyPlanCandidates(
      test.db,
      derivePlans({ anomalies: [slow], checks: [], failedSignIns: 0 }),
      hours(30),
    );
    expect(again).toMatchObject({ reopened: 1, created: 0 });
    const plan = (await listUpgradePlans(test.db, { status: 'open', limit: 10 }))[0]!;
    expect(plan).toMatchObject({ status: 'open', archived_at: null });
    expect(await getUpgradePlan(test.db, plan.id)).toEqual(plan);
  });

  it('turns many failed sign-ins into a security plan', () => {
    expect(derivePlans({ anomalies: [], checks: [], failedSignIns: 19 })).toEqual([]);
    expect(derivePlans({ anomalies: [], checks: [], failedSignIns: 20 })).toEqual([
      expect.objectContaining({ category: 'security', fingerprint: 'audit:failed_sign_ins' }),
    ]);
  });

  it('filters by status and category, and summarises', async () => {
    await applyPlanCandidates(
      test.db,
      derivePlans({ anomalies: [slow], checks: [stripeMissing], failedSignIns: 25 }),
      now,
    );
    expect((await listUpgradePlans(test.db, { category: 'security', limit: 10 })).map((p) => p.category)).toEqual([
      'security',
    ]);
    expect(await listUpgradePlans(test.db, { status: 'applied', limit: 10 })).toEqual([]);
    expect(await listUpgradePlans(test.db, { limit: 1 })).toHaveLength(1);
    const summary = await summarizeUpgradePlans(test.db);
    expect(summary).toMatchObject({
      total: 3,
      by_status: { open: 3, in_progress: 0, applied: 0, archived: 0 },
      open_by_category: { performance: 1, pricing: 1, security: 1, ux: 0 },
    });
  });

  it('never changes anything outside upgrade_plans (design only)', async () => {
    const flagsBefore = await test.db.selectFrom('feature_flags').selectAll().execute();
    await seedTraffic(test.db, minutesAgo(now, 5), [{ path: '/api/a', count: 100, meanMs: 50, serverErrors: 60 }]);
    await rebuildUpgradePlans(test.db, { now, env });
    expect(await test.db.selectFrom('feature_flags').selectAll().execute()).toEqual(flagsBefore);
    expect(await test.db.selectFrom('workspaces').select('status').where('status', '!=', 'active').execute()).toEqual(
      [],
    );
  });
});
