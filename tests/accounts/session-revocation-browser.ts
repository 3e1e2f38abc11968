// A browser stand-in for the session revocation tests: signs in by magic link through the real Auth.js handlers,
// keeps the cookies it is given, and calls routes with them. The test file mocks `next/headers` with `requestHeaders`.
import { NextRequest } from 'next/server';
import type { Kysely } from 'kysely';
import type { Database } from '@/db/types';
import { request } from '../helpers/route-request';

/** What `headers()` / `cookies()` answer for the request being handled (set before each call). */
export const requestHeaders: { current: Headers } = { current: new Headers() };

/** Cookies a server action set on its response (`value: ''` for a deletion). */
export const responseCookies: { name: string; value: string }[] = [];

/** The `cookies()` of `next/headers`, over `requestHeaders`. */
export function cookieStore() {
  const all = () =>
    (requestHeaders.current.get('cookie') ?? '')
      .split(/;\s*/)
      .filter(Boolean)
      .map((pair) => ({ name: pair.slice(0, pair.indexOf('=')), value: pair.slice(pair.indexOf('=') + 1) }));
  return {
    get: (name: string) => all().find((cookie) => cookie.name === name),
    getAll: () => all(),
    has: (name: string) => all().some((cookie) => cookie.name === name),
    set: (name: string, value: string) => void responseCookies.push({ name, value }),
    delete: (name: string) => void responseCookies.push({ name, value: '' }),
  };
}

export const AUTH_ORIGIN = 'http://localhost:3000';
export const SESSION_COOKIE = 'authjs.session-token';

export type Browser = { jar: Map<string, string>; cookie: () => string; session: () => string | undefined };

export function newBrowser(): Browser {
  const jar = new Map<string, string>();
  return {
    jar,
    cookie: () => [...jar].map(([name, value]) => `${name}=${value}`).join('; '),
    session: () => jar.get(SESSION_COOKIE),
  };
}

/** A browser holding a copy of another's session cookie only (what an attacker would copy). */
export function copySession(from: Browser): Browser {
  const copy = newBrowser();
  const value = from.session();
  if (value) copy.jar.set(SESSION_COOKIE, value);
  return copy;
}

export function keepCookies(browser: Browser, response: Response): void {
  for (const line of response.headers.getSetCookie()) {
    const [pair = '', ...attributes] = line.split(';');
    const name = pair.slice(0, pair.indexOf('='));
    const value = pair.slice(pair.indexOf('=') + 1);
    const expired = attributes.some((attribute) => /^\s*(max-age=0|expires=thu, 01 jan 1970)/i.test(attribute));
    if (expired || value === '') browser.jar.delete(name);
    else browser.jar.set(name, value);
  }
}

type AuthHandlers = { GET: (req: NextRequest) => Promise<Response>; POST: (req: NextRequest) => Promise<Response> };

async function csrfToken(handlers: AuthHandlers, browser: Browser): Promise<string> {
  const response = await handlers.GET(
    new NextRequest(`${AUTH_ORIGIN}/api/auth/csrf`, { headers: { cookie: browser.cookie() } }),
  );
  keepCookies(browser, response);
  return ((await response.json()) as { csrfToken: string }).csrfToken;
}

function form(values: Record<string, string>, browser: Browser) {
  return {
    method: 'POST',
    body: new URLSearchParams(values),
    headers: { cookie: browser.cookie(), 'content-type': 'application/x-www-form-urlencoded' },
  };
}

/** Signs `email` in on a new browser: asks for a magic link, reads it from the outbox and follows it. */
export async function signInByMagicLink(handlers: AuthHandlers, db: Kysely<Database>, email: string): Promise<Browser> {
  const browser = newBrowser();
  const token = await csrfToken(handlers, browser);
  const asked = await handlers.POST(
    new NextRequest(
      `${AUTH_ORIGIN}/api/auth/signin/resend`,
      form({ email, csrfToken: token, callbackUrl: '/dashboard' }, browser),
    ),
  );
  keepCookies(browser, asked);
  const mail = await db
    .selectFrom('email_outbox')
    .select('text')
    .where('to_address', '=', email)
    .orderBy('created_at', 'desc')
    .limit(1)
    .executeTakeFirstOrThrow();
  const link = /https?:\/\/\S+\/api\/auth\/callback\/resend\S+/.exec(mail.text)?.[0];
  if (!link) throw new Error('no magic link in the outbox');
  await db.deleteFrom('email_outbox').where('to_address', '=', email).execute();
  keepCookies(browser, await handlers.GET(new NextRequest(link, { headers: { cookie: browser.cookie() } })));
  if (!browser.session()) throw new Error('the magic link did not start a session');
  return browser;
}

/** Signs out through Auth.js's own sign-out endpoint, as the app's sign-out button ends up doing. */
export async function signOutByAuthJs(handlers: AuthHandlers, browser: Browser): Promise<void> {
  const token = await csrfToken(handlers, browser);
  keepCookies(
    browser,
    await handlers.POST(
      new NextRequest(`${AUTH_ORIGIN}/api/auth/signout`, form({ csrfToken: token, callbackUrl: '/' }, browser)),
    ),
  );
}

/** Calls a route handler as this browser would: its cookies on the request and in `headers()`. */
export async function callAs(
  browser: Browser,
  route: (req: Request) => Promise<Response>,
  path: string,
  init: RequestInit = {},
): Promise<Response> {
  const req = request(path, {
    ...init,
    headers: { ...(init.headers as Record<string, string>), cookie: browser.cookie() },
  });
  requestHeaders.current = req.headers;
  return route(req);
}
