import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { seedMember, type Seeded } from '../accounts/seed';
import { database, request, session } from '../helpers/route-request';
import { createTestDb, type TestDb } from '../helpers/test-db';

vi.mock('@/db', async () => (await import('../helpers/route-request')).dbModule());
vi.mock('@/lib/auth/session-scope', async () => (await import('../helpers/route-request')).sessionModule());

const route = await import('@/app/api/me/profile/route');

let test: TestDb;
let me: Seeded;
let other: Seeded;

beforeAll(async () => {
  test = await createTestDb();
  database.current = test;
});
afterAll(() => test.close());
beforeEach(async () => {
  me = await seedMember(test.db, 'member');
  other = await seedMember(test.db, 'owner', me.workspaceId);
  session.current = me;
});

const patch = (json: unknown) => route.PATCH(request('/api/me/profile', { method: 'PATCH', json }));
const profileOf = (userId: string) =>
  test.db
    .selectFrom('users')
    .select(['name', 'locale', 'time_zone'])
    .where('id', '=', userId)
    .executeTakeFirstOrThrow();

describe('PATCH /api/me/profile', () => {
  it('saves name, language and time zone and returns the profile', async () => {
    const response = await patch({ name: '  Ada Lovelace ', locale: 'de', timeZone: 'Asia/Tokyo' });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      profile: { email: me.email, name: 'Ada Lovelace', locale: 'de', timeZone: 'Asia/Tokyo' },
    });
    expect(await profileOf(me.userId)).toEqual({ name: 'Ada Lovelace', locale: 'de', time_zone: 'Asia/Tokyo' });
  });

  it('leaves every other user untouched', async () => {
    await patch({ name: 'Mine', locale: 'ja', timeZone: 'Europe/Paris' });
    expect(await profileOf(other.userId)).toEqual({ name: null, locale: null, time_zone: null });
  });

  it('refuses an unknown time zone with 422 and the field path, changing nothing', async () => {
    await patch({ timeZone: 'Europe/Paris' });
    const response = await patch({ timeZone: 'Mars/Olympus' });
    expect(response.status).toBe(422);
    const body = (await response.json()) as { error: { code: string; details: { issues: { path: string }[] } } };
    expect(body.error.code).toBe('validation_failed');
    expect(body.error.details.issues.map((issue) => issue.path)).toEqual(['timeZone']);
    expect((await profileOf(me.userId)).time_zone).toBe('Europe/Paris');
  });

  it('refuses a language Levqor does not speak, and unknown fields', async () => {
    const badLocale = await patch({ locale: 'xx' });
    expect(badLocale.status).toBe(422);
    const extra = await patch({ name: 'A', isAdmin: true });
    expect(extra.status).toBe(422);
  });

  it('clears the zone back to the browser’s with null', async () => {
    await patch({ timeZone: 'Asia/Tokyo' });
    const response = await patch({ timeZone: null });
    expect(response.status).toBe(200);
    expect((await profileOf(me.userId)).time_zone).toBeNull();
  });

  it('records the change in the audit log', async () => {
    await patch({ timeZone: 'America/New_York' });
    const entry = await test.db
      .selectFrom('audit_logs')
      .selectAll()
      .where('actor_user_id', '=', me.userId)
      .where('action', '=', 'profile.updated')
      .executeTakeFirstOrThrow();
    expect(entry).toMatchObject({ workspace_id: me.workspaceId, target_id: me.userId });
  });

  it('needs a signed-in user', async () => {
    session.current = null;
    expect((await patch({ name: 'Nobody' })).status).toBe(401);
  });

  it('reads the caller’s own profile', async () => {
    await patch({ name: 'Reader', locale: 'fr' });
    const response = await route.GET(request('/api/me/profile'));
    expect(await response.json()).toEqual({
      profile: { email: me.email, name: 'Reader', locale: 'fr', timeZone: null },
    });
  });
});
