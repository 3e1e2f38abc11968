// Calling route handlers in tests: the test database behind `getDb`, a signed-in user by assignment, and Requests as
// a browser or an API client sends them. Each test file registers the mocks itself (vi.mock is per file):
//   vi.mock('@/db', async () => (await import('../helpers/route-request')).dbModule());
//   vi.mock('@/lib/auth/session-scope', async () => (await import('../helpers/route-request')).sessionModule());
import type { Seeded } from '../accounts/seed';
import type { TestDb } from './test-db';

/** The database the mocked `@/db` returns; set it once the test database is created. */
export const database: { current: TestDb | null } = { current: null };

/** Who the mocked session belongs to (null: signed out). */
export const session: { current: (Seeded & { isAdmin?: boolean }) | null } = { current: null };

function currentDb() {
  if (!database.current) throw new Error('set database.current before calling a route');
  return database.current.db;
}

export const dbModule = () => ({ getDb: async () => currentDb(), getDbOrNull: async () => currentDb() });

export const sessionModule = () => ({
  getSessionUser: async () =>
    session.current
      ? { id: session.current.userId, email: session.current.email, isAdmin: session.current.isAdmin ?? false }
      : null,
  getSessionScope: async () => session.current?.scope ?? null,
});

export const TEST_ORIGIN = 'http://levqor.test';

/** A request to `path` on the test host: `key` sends an API key, `json` a JSON body. */
export function request(
  path: string,
  { key, json, ...init }: RequestInit & { key?: string; json?: unknown } = {},
): Request {
  const headers = new Headers(init.headers);
  if (key) headers.set('authorization', `Bearer ${key}`);
  if ((json !== undefined || init.body) && !headers.has('content-type'))
    headers.set('content-type', 'application/json');
  headers.set('host', new URL(TEST_ORIGIN).host);
  return new Request(`${TEST_ORIGIN}${path}`, {
    ...init,
    headers,
    ...(json !== undefined ? { body: JSON.stringify(json) } : {}),
  });
}

/** The route context of a dynamic segment (`{ params: Promise<…> }`, as Next passes it). */
export const params = (values: Record<string, string>) => ({ params: Promise.resolve(values) });
