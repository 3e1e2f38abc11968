import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Kysely } from 'kysely';
import type { Database } from '@/db/types';
import { createApiKey } from '@/lib/api-keys/create-api-key';
import { inviteMember } from '@/lib/workspaces/invite-member';
import { seedMember, type Seeded } from '../accounts/seed';
import { database, params, request, session } from '../helpers/route-request';
import { createTestDb, type TestDb } from '../helpers/test-db';

let test: TestDb;

vi.mock('@/db', async () => (await import('../helpers/route-request')).dbModule());
vi.mock('@/lib/auth/session-scope', async () => (await import('../helpers/route-request')).sessionModule());

const apiKeysRoute = await import('@/app/api/api-keys/route');
const apiKeyRoute = await import('@/app/api/api-keys/[id]/route');
const membersRoute = await import('@/app/api/members/route');
const memberRoute = await import('@/app/api/members/[userId]/route');
const invitationRoute = await import('@/app/api/invitations/[id]/route');
const meRoute = await import('@/app/api/me/route');
const flagsRoute = await import('@/app/api/admin/flags/route');
const lifecycleRoute = await import('@/app/api/admin/workspaces/[id]/lifecycle/route');

let ownerA: Seeded;
let ownerB: Seeded;
let memberB: Seeded;
let keyA: string;
let keyB: { key: string; id: string };
let invitationB: string;

async function snapshot(db: Kysely<Database>) {
  const [keys, members, invitations] = await Promise.all([
    db.selectFrom('api_keys').select(['id', 'revoked_at']).orderBy('id').execute(),
    db.selectFrom('memberships').selectAll().orderBy('user_id').execute(),
    db.selectFrom('invitations').select(['id', 'revoked_at']).orderBy('id').execute(),
  ]);
  return JSON.stringify({ keys, members, invitations });
}

beforeAll(async () => {
  test = await createTestDb();
  database.current = test;
  ownerA = await seedMember(test.db, 'owner');
  ownerB = await seedMember(test.db, 'owner');
  memberB = await seedMember(test.db, 'member', ownerB.workspaceId);
  keyA = (await createApiKey(test.db, ownerA.scope, { name: 'A', scopes: ['read', 'write', 'admin'] })).key;
  const created = await createApiKey(test.db, ownerB.scope, { name: 'B', scopes: ['read', 'write', 'admin'] });
  keyB = { key: created.key, id: created.apiKey.id };
  invitationB = (
    await inviteMember(
      test.db,
      ownerB.scope,
      { email: 'new@example.com', role: 'member' },
      { appUrl: 'http://levqor.test' },
    )
  ).id;
});
afterAll(() => test.close());
beforeEach(async () => {
  session.current = ownerA;
  await test.db.deleteFrom('rate_limits').execute();
});

describe("one workspace cannot reach another's data", () => {
  const attempts: [string, () => Promise<Response>][] = [
    [
      'session revokes B’s API key',
      () => apiKeyRoute.DELETE(request(`/api/api-keys/${keyB.id}`, { method: 'DELETE' }), params({ id: keyB.id })),
    ],
    [
      'API key revokes B’s API key',
      () =>
        apiKeyRoute.DELETE(
          request(`/api/api-keys/${keyB.id}`, { method: 'DELETE', key: keyA }),
          params({ id: keyB.id }),
        ),
    ],
    [
      'session changes a role in B',
      () =>
        memberRoute.PATCH(
          request(`/api/members/${memberB.userId}`, { method: 'PATCH', body: JSON.stringify({ role: 'admin' }) }),
          params({ userId: memberB.userId }),
        ),
    ],
    [
      'session removes a member of B',
      () =>
        memberRoute.DELETE(
          request(`/api/members/${memberB.userId}`, { method: 'DELETE' }),
          params({ userId: memberB.userId }),
        ),
    ],
    [
      'session revokes B’s invitation',
      () =>
        invitationRoute.DELETE(
          request(`/api/invitations/${invitationB}`, { method: 'DELETE' }),
          params({ id: invitationB }),
        ),
    ],
  ];

  it.each(attempts)('%s → 404, nothing changed', async (_name, attempt) => {
    const before = await snapshot(test.db);
    const response = await attempt();
    expect(response.status).toBe(404);
    expect((await response.json()).error.code).toBe('not_found');
    expect(await snapshot(test.db)).toBe(before);
  });

  it('lists only the caller’s own keys and members, by session and by API key', async () => {
    const bySession = await (await apiKeysRoute.GET(request('/api/api-keys'))).json();
    expect(bySession.data.map((key: { name: string }) => key.name)).toEqual(['A']);
    const byKey = await (await membersRoute.GET(request('/api/members', { key: keyA }))).json();
    expect(byKey.data.map((member: { userId: string }) => member.userId)).toEqual([ownerA.userId]);
  });
});

describe('authentication and limits', () => {
  it('refuses a request without credentials with 401', async () => {
    session.current = null;
    const response = await apiKeysRoute.GET(request('/api/api-keys'));
    expect(response.status).toBe(401);
  });

  it('refuses an unknown API key with 401', async () => {
    const response = await meRoute.GET(request('/api/me', { key: `lvq_live_${'x'.repeat(43)}` }));
    expect(response.status).toBe(401);
  });

  it('refuses a cross-site POST made with the session cookie, creating nothing', async () => {
    const before = await snapshot(test.db);
    const response = await apiKeysRoute.POST(
      request('/api/api-keys', {
        method: 'POST',
        headers: { origin: 'https://evil.example' },
        body: JSON.stringify({ name: 'x', scopes: ['read'] }),
      }),
    );
    expect(response.status).toBe(403);
    expect(await snapshot(test.db)).toBe(before);
  });

  it('accepts a same-origin POST and returns the key once', async () => {
    const response = await apiKeysRoute.POST(
      request('/api/api-keys', {
        method: 'POST',
        headers: { origin: 'http://levqor.test' },
        body: JSON.stringify({ name: 'Zapier', scopes: ['read'] }),
      }),
    );
    expect(response.status).toBe(201);
    expect((await response.json()).key).toMatch(/^lvq_live_/);
  });

  it('answers 429 with Retry-After after 60 requests a minute from one API key', async () => {
    // Freeze the clock inside one fixed window, so the 61 requests cannot straddle a minute boundary.
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-11-23T12:00:05Z'));
    try {
      for (let i = 0; i < 60; i++) expect((await meRoute.GET(request('/api/me', { key: keyA }))).status).toBe(200);
      const limited = await meRoute.GET(request('/api/me', { key: keyA }));
      expect(limited.status).toBe(429);
      expect(limited.headers.get('retry-after')).toBe('55');
      expect(limited.headers.get('ratelimit-remaining')).toBe('0');
      expect((await limited.json()).error.code).toBe('rate_limited');
    } finally {
      vi.useRealTimers();
    }
  });

  it('refuses the API of a suspended workspace', async () => {
    await test.db.updateTable('workspaces').set({ status: 'suspended' }).where('id', '=', ownerB.workspaceId).execute();
    try {
      const response = await meRoute.GET(request('/api/me', { key: keyB.key }));
      expect(response.status).toBe(403);
    } finally {
      await test.db.updateTable('workspaces').set({ status: 'active' }).where('id', '=', ownerB.workspaceId).execute();
    }
  });

  it('hides admin routes from non-admins (404) and serves them to admins', async () => {
    expect((await flagsRoute.GET(request('/api/admin/flags'))).status).toBe(404);
    session.current = { ...ownerA, isAdmin: true };
    expect((await flagsRoute.GET(request('/api/admin/flags'))).status).toBe(200);
  });

  it('lets an admin suspend a workspace and refuses an illegal transition with 409', async () => {
    session.current = { ...ownerA, isAdmin: true };
    const post = (event: string) =>
      lifecycleRoute.POST(
        request(`/api/admin/workspaces/${ownerB.workspaceId}/lifecycle`, {
          method: 'POST',
          body: JSON.stringify({ event }),
        }),
        params({ id: ownerB.workspaceId }),
      );
    expect((await post('suspend')).status).toBe(200);
    const illegal = await post('suspend');
    expect(illegal.status).toBe(409);
    expect((await post('resume')).status).toBe(200);
  });
});

describe('API keys act as their creator', () => {
  it('loses admin rights when the creator is demoted', async () => {
    const admin = await seedMember(test.db, 'admin', ownerA.workspaceId);
    const { key } = await createApiKey(test.db, admin.scope, { name: 'admin key', scopes: ['read', 'write', 'admin'] });
    expect((await (await meRoute.GET(request('/api/me', { key }))).json()).role).toBe('admin');
    await test.db.updateTable('memberships').set({ role: 'member' }).where('user_id', '=', admin.userId).execute();
    const me = await (await meRoute.GET(request('/api/me', { key }))).json();
    expect(me).toMatchObject({ role: 'member', scopes: ['read', 'write'] });
    const create = await apiKeysRoute.POST(
      request('/api/api-keys', { method: 'POST', key, body: JSON.stringify({ name: 'escalate', scopes: ['admin'] }) }),
    );
    expect(create.status).toBe(403);
  });
});
