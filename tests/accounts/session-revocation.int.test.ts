import { sql } from 'kysely';
import { decode } from 'next-auth/jwt';
import { NextRequest } from 'next/server';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { signOutEverywhereAction } from '@/app/[locale]/(app)/settings/security/actions';
import { GET as getMe } from '@/app/api/me/route';
import { POST as revokeAll } from '@/app/api/me/sessions/revoke/route';
import { handlers } from '@/auth';
import { isSessionActive } from '@/lib/auth/is-session-active';
import { requireSessionScope } from '@/lib/auth/require-session';
import { SESSION_CHECK_TTL_MS } from '@/lib/auth/session-cache';
import { changeMemberRole } from '@/lib/workspaces/change-member-role';
import { removeMember } from '@/lib/workspaces/remove-member';
import { seedMember } from './seed';
import { database } from '../helpers/route-request';
import { createTestDb, type TestDb } from '../helpers/test-db';
import {
  AUTH_ORIGIN,
  callAs,
  copySession,
  type Browser,
  requestHeaders,
  responseCookies,
  SESSION_COOKIE,
  signInByMagicLink,
  signOutByAuthJs,
} from './session-revocation-browser';

const AUTH_SECRET = vi.hoisted(() => {
  process.env.AUTH_SECRET = 'session-revocation-test-secret-0123456789abcdef';
  process.env.ENCRYPTION_KEY = Buffer.alloc(32, 7).toString('base64');
  return process.env.AUTH_SECRET;
});
vi.mock('@/db', async () => (await import('../helpers/route-request')).dbModule());
vi.mock('next/headers', async () => {
  const { cookieStore, requestHeaders } = await import('./session-revocation-browser');
  return { headers: async () => requestHeaders.current, cookies: async () => cookieStore() };
});

let test: TestDb;
let counter = 0;

beforeAll(async () => {
  test = await createTestDb();
  database.current = test;
});
afterAll(() => test.close());

const newEmail = () => `session-${Date.now()}-${counter++}@example.com`;
const signIn = (email: string) => signInByMagicLink(handlers, test.db, email);
const meStatus = async (browser: Browser) => (await callAs(browser, getMe, '/api/me')).status;
const claimsOf = async (browser: Browser) =>
  (await decode({ token: browser.session(), secret: AUTH_SECRET, salt: SESSION_COOKIE }))!;
const userIdOf = async (email: string) =>
  (await test.db.selectFrom('users').select('id').where('email', '=', email).executeTakeFirstOrThrow()).id;

describe('signing out of one device', () => {
  it('refuses a copy of the signed-out cookie at once, while the same user’s other session keeps working', async () => {
    const email = newEmail();
    const laptop = await signIn(email);
    const phone = await signIn(email);
    const stolen = copySession(laptop);
    expect(await meStatus(stolen)).toBe(200);
    expect(await meStatus(stolen)).toBe(200); // now held in this process's cache

    await signOutByAuthJs(handlers, laptop);

    expect(laptop.session(), 'the signing-out browser loses its cookie').toBeUndefined();
    expect(await meStatus(stolen)).toBe(401);
    expect(await meStatus(phone)).toBe(200);
  });

  it('sends the copied cookie to sign-in on pages and reports no session to the browser', async () => {
    const email = newEmail();
    const browser = await signIn(email);
    const stolen = copySession(browser);
    await signOutByAuthJs(handlers, browser);

    requestHeaders.current = new Headers({ cookie: stolen.cookie() });
    await expect(requireSessionScope('de', '/dashboard')).rejects.toMatchObject({
      digest: expect.stringContaining('/de/signin?callbackUrl=%2Fde%2Fdashboard'),
    });

    const session = await handlers.GET(
      new NextRequest(`${AUTH_ORIGIN}/api/auth/session`, { headers: { cookie: stolen.cookie() } }),
    );
    expect(await session.json()).toBeNull();
    expect(
      session.headers.getSetCookie().some((line) => line.startsWith(`${SESSION_COOKIE}=;`)),
      'Auth.js clears the cookie',
    ).toBe(true);
  });

  it('gives every sign-in its own session id and the user’s current session version', async () => {
    const email = newEmail();
    const [first, second] = [await claimsOf(await signIn(email)), await claimsOf(await signIn(email))];
    expect(first.sub).toBe(await userIdOf(email));
    expect(first.sid).toMatch(/^[0-9a-f-]{36}$/);
    expect(second.sid).not.toBe(first.sid);
    expect([first.sv, second.sv]).toEqual([0, 0]);
    const { sid: _sid, ...withoutSessionId } = first;
    expect(await isSessionActive(test.db, withoutSessionId), 'a token from before revocation existed').toBe(false);
  });
});

describe('signing out of all devices', () => {
  it('the settings action ends every session of the user, this browser included, and audits it', async () => {
    const email = newEmail();
    const here = await signIn(email);
    const elsewhere = await signIn(email);
    const stolen = copySession(here);
    expect(await meStatus(elsewhere)).toBe(200);

    requestHeaders.current = new Headers({ cookie: here.cookie() });
    responseCookies.length = 0;
    expect(await signOutEverywhereAction({ locale: 'fr' })).toEqual({ ok: true, data: { signInUrl: '/fr/signin' } });

    expect(
      responseCookies.some((cookie) => cookie.name === SESSION_COOKIE && cookie.value === ''),
      'this browser is signed out',
    ).toBe(true);
    for (const browser of [here, elsewhere, stolen]) expect(await meStatus(browser)).toBe(401);
    const audit = await test.db
      .selectFrom('audit_logs')
      .select('action')
      .where('actor_user_id', '=', await userIdOf(email))
      .execute();
    expect(audit.map((row) => row.action)).toContain('auth.signed_out_everywhere');
    expect(await meStatus(await signIn(email)), 'signing in again works').toBe(200);
  });

  it('the action refuses bad input and a signed-out caller', async () => {
    expect(await signOutEverywhereAction({ locale: 'xx' })).toEqual({ ok: false, error: 'invalid' });
    requestHeaders.current = new Headers();
    expect(await signOutEverywhereAction({ locale: 'en' })).toEqual({ ok: false, error: 'unauthorized' });
  });

  it('POST /api/me/sessions/revoke ends every session of the caller', async () => {
    const email = newEmail();
    const [one, two] = [await signIn(email), await signIn(email)];
    const response = await callAs(one, revokeAll, '/api/me/sessions/revoke', { method: 'POST' });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ revoked: 'all' });
    expect([await meStatus(one), await meStatus(two)]).toEqual([401, 401]);
    expect((await callAs(one, revokeAll, '/api/me/sessions/revoke', { method: 'POST' })).status).toBe(401);
  });
});

describe('membership changes end the member’s sessions', () => {
  async function memberOfAnotherWorkspace() {
    const owner = await seedMember(test.db, 'owner');
    const email = newEmail();
    const browser = await signIn(email);
    const userId = await userIdOf(email);
    await test.db
      .insertInto('memberships')
      .values({ workspace_id: owner.workspaceId, user_id: userId, role: 'member' })
      .execute();
    expect(await meStatus(browser)).toBe(200);
    return { owner, browser, userId, email };
  }

  it('a role change refuses the member’s existing cookies', async () => {
    const { owner, browser, userId, email } = await memberOfAnotherWorkspace();
    await changeMemberRole(test.db, owner.scope, userId, 'admin');
    expect(await meStatus(browser)).toBe(401);
    expect(await meStatus(await signIn(email)), 'a new sign-in gets the new role').toBe(200);
  });

  it('removal from the workspace refuses the member’s existing cookies', async () => {
    const { owner, browser, userId } = await memberOfAnotherWorkspace();
    await removeMember(test.db, owner.scope, userId);
    expect(await meStatus(browser)).toBe(401);
  });

  it('a refused role change (last owner) leaves the sessions alone', async () => {
    const owner = await seedMember(test.db, 'owner');
    const email = newEmail();
    const browser = await signIn(email);
    const userId = await userIdOf(email);
    await test.db
      .insertInto('memberships')
      .values({ workspace_id: owner.workspaceId, user_id: userId, role: 'owner' })
      .execute();
    await test.db
      .deleteFrom('memberships')
      .where('workspace_id', '=', owner.workspaceId)
      .where('user_id', '=', owner.userId)
      .execute();
    await expect(changeMemberRole(test.db, { ...owner.scope, userId }, userId, 'member')).rejects.toMatchObject({
      code: 'conflict',
    });
    expect(await meStatus(browser)).toBe(200);
  });
});

describe('the per-process cache', () => {
  it('lets a revocation made by another instance through within its bound', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      const email = newEmail();
      const browser = await signIn(email);
      expect(await meStatus(browser)).toBe(200);
      // Another instance bumps the version directly in the database; this process has the old state cached.
      await sql`update users set session_version = session_version + 1 where email = ${email}`.execute(test.db);
      vi.setSystemTime(Date.now() + SESSION_CHECK_TTL_MS);
      expect(await meStatus(browser)).toBe(401);
    } finally {
      vi.useRealTimers();
    }
  });
});
