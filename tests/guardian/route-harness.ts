// Calls route handlers in-process as a given session (none, a member, a platform admin), with a test database.
import type { Kysely } from 'kysely';
import type { Database } from '@/db/types';

export type SessionUser = { userId: string; email: string; isAdmin: boolean } | null;

export const harness: { db: Kysely<Database> | null; session: SessionUser } = { db: null, session: null };

export const request = (path: string, init: RequestInit = {}) => {
  const headers = new Headers(init.headers);
  if (init.body) headers.set('content-type', headers.get('content-type') ?? 'application/json');
  headers.set('host', 'levqor.test');
  return new Request(`http://levqor.test${path}`, { ...init, headers });
};

export const params = (values: Record<string, string>) => ({ params: Promise.resolve(values) });
