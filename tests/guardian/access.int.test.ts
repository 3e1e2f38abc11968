import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { seedMember } from '../accounts/seed';
import { createTestDb, type TestDb } from '../helpers/test-db';
import { harness, params, request } from './route-harness';

vi.mock('@/db', async () => {
  const { harness: h } = await import('./route-harness');
  return { getDb: async () => h.db, getDbOrNull: async () => h.db };
});
vi.mock('@/lib/auth/session-scope', async () => {
  const { harness: h } = await import('./route-harness');
  return {
    getSessionUser: async () =>
      h.session ? { id: h.session.userId, email: h.session.email, isAdmin: h.session.isAdmin } : null,
    getSessionScope: async () => null,
  };
});

type Handler = (req: Request, context?: { params: Promise<Record<string, string>> }) => Promise<Response>;
const load = async (path: string, method: 'GET' | 'POST' | 'PUT' | 'DELETE') =>
  ((await import(`@/app/api/${path}/route`)) as Record<string, Handler>)[method]!;

/** A workspace with a known id, for the per-workspace operator routes. */
const THROTTLED_WORKSPACE = '5d0c6b1e-2f3a-4b5c-8d9e-0a1b2c3d4e5f';

/** Every operator route: method, URL, route file, and a body for writes. */
const routes: [string, string, string, unknown?][] = [
  ['GET', '/api/guardian/summary', 'guardian/summary'],
  ['GET', '/api/guardian/telemetry', 'guardian/telemetry'],
  ['GET', '/api/guardian/anomalies', 'guardian/anomalies'],
  ['GET', '/api/guardian/daily-report', 'guardian/daily-report'],
  ['GET', '/api/guardian/healing-plan', 'guardian/healing-plan'],
  ['GET', '/api/guardian/upgrade/plans', 'guardian/upgrade/plans'],
  ['POST', '/api/guardian/upgrade/plans/rebuild', 'guardian/upgrade/plans/rebuild'],
  ['GET', '/api/guardian/upgrade/summary', 'guardian/upgrade/summary'],
  ['GET', '/api/admin/logs', 'admin/logs'],
  ['GET', '/api/admin/heartbeats', 'admin/heartbeats'],
  ['GET', '/api/admin/jobs', 'admin/jobs'],
  ['GET', '/api/admin/tenants', 'admin/tenants'],
  ['GET', '/api/admin/audit', 'admin/audit'],
  ['GET', '/api/admin/approvals', 'admin/approvals'],
  ['GET', '/api/admin/costs', 'admin/costs'],
  ['GET', '/api/admin/settings', 'admin/settings'],
  ['PUT', '/api/admin/settings/ai.daily_budget_cents', 'admin/settings/[key]', { value: 1500 }],
  ['PUT', `/api/admin/ai/throttles/${THROTTLED_WORKSPACE}`, 'admin/ai/throttles/[workspaceId]', { throttleMinutes: 5 }],
  ['DELETE', `/api/admin/ai/throttles/${THROTTLED_WORKSPACE}`, 'admin/ai/throttles/[workspaceId]'],
];

let test: TestDb;
let member: { userId: string; email: string; isAdmin: boolean };
let admin: { userId: string; email: string; isAdmin: boolean };

beforeAll(async () => {
  test = await createTestDb();
  harness.db = test.db;
  const seeded = await seedMember(test.db, 'owner');
  member = { userId: seeded.userId, email: seeded.email, isAdmin: false };
  const operator = await test.db
    .insertInto('users')
    .values({ email: 'ops@levqor.test', is_admin: true })
    .returning('id')
    .executeTakeFirstOrThrow();
  admin = { userId: operator.id, email: 'ops@levqor.test', isAdmin: true };
  await test.db.insertInto('workspaces').values({ id: THROTTLED_WORKSPACE, name: 'Throttled' }).execute();
});
afterAll(() => test.close());
beforeEach(async () => {
  harness.session = null;
  await test.db.deleteFrom('rate_limits').execute();
});

async function call([method, url, file, body]: (typeof routes)[number], headers: Record<string, string> = {}) {
  const handler = await load(file, method as 'GET');
  const init: RequestInit = { method, headers };
  if (body !== undefined) init.body = JSON.stringify(body);
  const param = /\[(\w+)\]$/.exec(file)?.[1];
  return handler(request(url, init), params(param ? { [param]: url.split('/').at(-1)! } : {}));
}

describe('guardian and admin routes are for platform admins only', () => {
  it.each(routes)('%s %s → 401 without a session', async (...route) => {
    const response = await call(route);
    expect(response.status).toBe(401);
    expect((await response.json()).error.code).toBe('unauthorized');
  });

  it.each(routes)('%s %s → 404 for a signed-in workspace owner who is not an admin', async (...route) => {
    harness.session = member;
    const response = await call(route);
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ error: { code: 'not_found', message: 'Not found' } });
  });

  it.each(routes)('%s %s → 2xx for a platform admin', async (...route) => {
    harness.session = admin;
    const response = await call(route);
    expect(response.status, await response.clone().text()).toBeLessThan(300);
  });

  it.each(routes.filter(([method]) => method !== 'GET'))(
    '%s %s → 403 for an admin when the request comes from another site',
    async (...route) => {
      harness.session = admin;
      const response = await call(route, { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' });
      expect(response.status).toBe(403);
    },
  );

  it('answers a platform admin with the documented shapes', async () => {
    harness.session = admin;
    const summary = await (await call(routes[0]!)).json();
    expect(summary).toMatchObject({
      status: 'ok',
      health_score: expect.any(Number),
      launch_stage: { stage: 'pre-launch', autopilot: 'dry_run', approvalsRequired: true },
      kill_switches: { 'workflows.runs_enabled': true, 'ai.enabled': true },
    });
    const healing = await (await call(routes[4]!)).json();
    expect(healing.mode).toBe('dry_run');
    expect(healing.actions.every((action: { auto_applicable: boolean }) => action.auto_applicable === false)).toBe(
      true,
    );
    const report = await (await call(routes[3]!)).json();
    expect(report.health.score).toBeGreaterThanOrEqual(0);
    expect(report.health.score).toBeLessThanOrEqual(100);
  });

  it('validates queries and ids: 422 for an unknown filter, 404 for an unknown plan', async () => {
    harness.session = admin;
    const bad = await (await load('guardian/upgrade/plans', 'GET'))(request('/api/guardian/upgrade/plans?status=done'));
    expect(bad.status).toBe(422);
    const plan = await load('guardian/upgrade/plans/[id]', 'GET');
    expect((await plan(request('/api/guardian/upgrade/plans/x'), params({ id: 'not-a-uuid' }))).status).toBe(404);
    expect(
      (
        await plan(
          request('/api/guardian/upgrade/plans/0b6f3f59-6b8a-4f3e-9d1c-1f2e3d4c5b6a'),
          params({ id: '0b6f3f59-6b8a-4f3e-9d1c-1f2e3d4c5b6a' }),
        )
      ).status,
    ).toBe(404);
    harness.session = member;
    expect((await plan(request('/api/guardian/upgrade/plans/x'), params({ id: 'x' }))).status).toBe(404);
  });

  it('refuses a setting value of the wrong type, and an unknown setting', async () => {
    harness.session = admin;
    const put = await load('admin/settings/[key]', 'PUT');
    const wrong = await put(
      request('/api/admin/settings/ai.daily_budget_cents', { method: 'PUT', body: JSON.stringify({ value: -5 }) }),
      params({ key: 'ai.daily_budget_cents' }),
    );
    expect(wrong.status).toBe(422);
    const unknown = await put(
      request('/api/admin/settings/nope', { method: 'PUT', body: JSON.stringify({ value: 1 }) }),
      params({ key: 'nope' }),
    );
    expect(unknown.status).toBe(404);
  });
});
