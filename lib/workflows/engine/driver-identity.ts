import 'server-only';
// The node an embedded driver runs as: host, data folder and database (never credentials). A process that restarts
// with the same identity reclaims the leases of its previous incarnation at once.
import { hostname } from 'node:os';
import path from 'node:path';
import type { Env } from '@/lib/env';

type IdentityEnv = Pick<Env, 'DATABASE_URL' | 'POSTGRES_URL' | 'LEVQOR_DATA_DIR'>;

export function driverIdentity(env: IdentityEnv, host = hostname()): string {
  const url = env.DATABASE_URL ?? env.POSTGRES_URL;
  return [host, path.resolve(env.LEVQOR_DATA_DIR), url ? databaseTarget(url) : 'pglite'].join(' ');
}

/** `postgres://host:port/name`: where the database is, without the user or password. */
function databaseTarget(url: string): string {
  try {
    const parsed = new URL(url);
    return `postgres://${parsed.hostname}:${parsed.port || '5432'}${parsed.pathname}`;
  } catch {
    return 'postgres';
  }
}
