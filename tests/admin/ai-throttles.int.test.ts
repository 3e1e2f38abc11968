import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { checkAiAllowed } from '@/lib/ai/guard/check-ai-allowed';
import { seedMember, type Seeded } from '../accounts/seed';
import { harness, params, request } from '../guardian/route-harness';
import { createTestDb, type TestDb } from '../helpers/test-db';

vi.mock('@/db', async () => {
  const { harness: h } = await import('../guardian/route-harness');
  return { getDb: async () => h.db, getDbOrNull: async () => h.db };
});
vi.mock('@/lib/auth/session-scope', async () => {
  const { harness: h } = await import('../guardian/route-harness');
  return {
    getSessionUser: async () =>
      h.session ? { id: h.session.userId, email: h.session.email, isAdmin: h.session.isAdmin } : null,
    getSessionScope: async () => null,
  };
});

type Handler = (req: Request, context?: { params: Promise<Record<string, string>> }) => Promise<Response>;
const route = async (method: 'PUT' | 'DELETE') =>
  ((await import('@/app/api/admin/ai/throttles/[workspaceId]/route')) as Record<string, Handler>)[method]!;

let test: TestDb;
let acme: Seeded;
let globex: Seeded;
let admin: { userId: string; email: string; isAdmin: boolean };

async function call(
  method: 'PUT' | 'DELETE',
  workspaceId: string,
  body?: unknown,
  headers: Record<string, string> = {},
) {
  const init: RequestInit = { method, headers };
  if (body !== undefined) init.body = JSON.stringify(body);
  return (await route(method))(request(`/api/admin/ai/throttles/${workspaceId}`, init), params({ workspaceId }));
}
const throttleOf = (workspaceId: string) =>
  test.db.selectFrom('ai_throttles').selectAll().where('workspace_id', '=', workspaceId).executeTakeFirst();
const audit = (workspaceId: string) =>
  test.db
    .selectFrom('audit_logs')
    .select(['action', 'actor_user_id', 'meta'])
    .where('workspace_id', '=', workspaceId)
    .where('action', 'like', 'ai.%')
    .orderBy('id')
    .execute();

beforeAll(async () => {
  test = await createTestDb();
  harness.db = test.db;
  acme = await seedMember(test.db, 'owner');
  globex = await seedMember(test.db, 'owner');
  const operator = await test.db
    .insertInto('users')
    .values({ email: 'ops@levqor.test', is_admin: true })
    .returning('id')
    .executeTakeFirstOrThrow();
  admin = { userId: operator.id, email: 'ops@levqor.test', isAdmin: true };
});
afterAll(() => test.close());
beforeEach(async () => {
  harness.session = admin;
  await test.db.deleteFrom('rate_limits').execute();
  await test.db.deleteFrom('ai_throttles').execute();
  await test.db.deleteFrom('audit_logs').execute();
});

describe('an operator throttles one workspace’s AI', () => {
  it('pauses it for N minutes with its own calls per minute; other workspaces keep answering', async () => {
    const response = await call('PUT', acme.workspaceId, { callsPerMinute: 5, throttleMinutes: 30 });
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body).toMatchObject({ workspaceId: acme.workspaceId, callsPerMinute: 5, reason: 'admin' });
    const until = new Date(body.throttledUntil).getTime();
    expect(until - Date.now()).toBeGreaterThan(29 * 60_000);
    expect(until - Date.now()).toBeLessThanOrEqual(30 * 60_000);
    expect(await checkAiAllowed(test.db, acme.workspaceId, new Date())).toBe('throttled');
    expect(await checkAiAllowed(test.db, globex.workspaceId, new Date())).toBeNull();
    expect(await audit(acme.workspaceId)).toEqual([
      expect.objectContaining({ action: 'ai.throttle_set', actor_user_id: admin.userId }),
    ]);
  });

  it('changes the calls per minute without touching a running pause, and 0 minutes ends the pause', async () => {
    await call('PUT', acme.workspaceId, { throttleMinutes: 10 });
    const paused = (await throttleOf(acme.workspaceId))!.throttled_until;
    await call('PUT', acme.workspaceId, { callsPerMinute: 2 });
    expect(await throttleOf(acme.workspaceId)).toMatchObject({ calls_per_minute: 2, throttled_until: paused });
    await call('PUT', acme.workspaceId, { throttleMinutes: 0 });
    expect(await throttleOf(acme.workspaceId)).toMatchObject({ calls_per_minute: 2, throttled_until: null });
    expect(await checkAiAllowed(test.db, acme.workspaceId, new Date())).toBeNull();
    await call('PUT', acme.workspaceId, { callsPerMinute: null });
    expect(await throttleOf(acme.workspaceId)).toMatchObject({ calls_per_minute: null });
  });

  it('lifts the throttle (a spike pause included), audit logged', async () => {
    await test.db
      .insertInto('ai_throttles')
      .values({ workspace_id: acme.workspaceId, throttled_until: new Date(Date.now() + 600_000), reason: 'spike' })
      .execute();
    const response = await call('DELETE', acme.workspaceId);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ workspaceId: acme.workspaceId, lifted: true });
    expect(await throttleOf(acme.workspaceId)).toBeUndefined();
    expect(await checkAiAllowed(test.db, acme.workspaceId, new Date())).toBeNull();
    expect(await audit(acme.workspaceId)).toEqual([
      expect.objectContaining({ action: 'ai.throttle_lifted', meta: expect.objectContaining({ reason: 'spike' }) }),
    ]);
    expect(await (await call('DELETE', acme.workspaceId)).json()).toEqual({
      workspaceId: acme.workspaceId,
      lifted: false,
    });
  });
});

describe('the throttle route refuses', () => {
  it('bad bodies with 422 and the field path', async () => {
    for (const body of [{}, { callsPerMinute: 0 }, { throttleMinutes: -1 }, { callsPerMinute: 2.5 }, { minutes: 5 }]) {
      const response = await call('PUT', acme.workspaceId, body);
      expect(response.status, JSON.stringify(body)).toBe(422);
      expect((await response.json()).error.code).toBe('validation_failed');
    }
    expect(await throttleOf(acme.workspaceId)).toBeUndefined();
  });

  it('an unknown workspace or a malformed id with 404', async () => {
    expect((await call('PUT', '0b6f3f59-6b8a-4f3e-9d1c-1f2e3d4c5b6a', { throttleMinutes: 5 })).status).toBe(404);
    expect((await call('PUT', 'not-a-uuid', { throttleMinutes: 5 })).status).toBe(404);
    expect((await call('DELETE', 'not-a-uuid')).status).toBe(404);
  });

  it('anyone but a platform admin: 401 signed out, 404 for a workspace owner, 403 from another site', async () => {
    harness.session = null;
    expect((await call('PUT', acme.workspaceId, { throttleMinutes: 5 })).status).toBe(401);
    harness.session = { userId: acme.userId, email: acme.email, isAdmin: false };
    expect((await call('PUT', acme.workspaceId, { throttleMinutes: 5 })).status).toBe(404);
    expect((await call('DELETE', acme.workspaceId)).status).toBe(404);
    harness.session = admin;
    const crossSite = { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' };
    expect((await call('PUT', acme.workspaceId, { throttleMinutes: 5 }, crossSite)).status).toBe(403);
    expect(await throttleOf(acme.workspaceId)).toBeUndefined();
  });
});
