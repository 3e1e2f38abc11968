// The Kysely client: PGlite under the data folder by default, `pg` with DATABASE_URL, @vercel/postgres on Vercel.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { Kysely, PostgresDialect, sql, type Transaction } from 'kysely';
import pg from 'pg';
import type { Env } from '../lib/env';
import { migrateToLatest } from './migrate';
import { PreparingClient } from './prepared';
import type { Database } from './types';

export type Db = Kysely<Database> | Transaction<Database>;
export type DatabaseDriver = 'pglite' | 'postgres' | 'vercel-postgres';
export type DatabaseHandle = { db: Kysely<Database>; driver: DatabaseDriver };

type ConnectOptions = { attempts?: number; baseDelayMs?: number; sleep?: (ms: number) => Promise<void> };
type DatabaseEnv = Pick<
  Env,
  'DATABASE_URL' | 'DATABASE_POOL_MAX' | 'DATABASE_PREPARED_STATEMENTS' | 'POSTGRES_URL' | 'VERCEL' | 'LEVQOR_DATA_DIR'
>;

/** Opens the database named by the environment and checks it answers, retrying with exponential backoff. */
export async function openDatabase(env: DatabaseEnv, options: ConnectOptions = {}): Promise<DatabaseHandle> {
  const handle = await createHandle(env);
  await connectWithRetry(handle.db, options);
  if (handle.driver === 'pglite') await migrateToLatest(handle.db);
  return handle;
}

async function createHandle(env: DatabaseEnv): Promise<DatabaseHandle> {
  const options = { max: env.DATABASE_POOL_MAX, prepare: env.DATABASE_PREPARED_STATEMENTS };
  if (env.DATABASE_URL) return { db: postgres(env.DATABASE_URL, options), driver: 'postgres' };
  if (env.POSTGRES_URL && env.VERCEL) {
    const { createPool } = await import('@vercel/postgres');
    const pool = createPool({ connectionString: env.POSTGRES_URL });
    return {
      db: new Kysely<Database>({ dialect: new PostgresDialect({ pool: pool as never }) }),
      driver: 'vercel-postgres',
    };
  }
  if (env.POSTGRES_URL) return { db: postgres(env.POSTGRES_URL, options), driver: 'postgres' };
  const dataDir = path.resolve(env.LEVQOR_DATA_DIR, 'pglite');
  mkdirSync(dataDir, { recursive: true });
  return { db: await pglite(dataDir), driver: 'pglite' };
}

type PoolOptions = { max?: number; searchPath?: string; prepare?: boolean };

// NOTE: commits wait for the WAL flush; enough connections let concurrent commits share one flush (group commit).
function postgres(
  connectionString: string,
  { max = 10, searchPath, prepare = true }: PoolOptions = {},
): Kysely<Database> {
  const pool = new pg.Pool({
    connectionString,
    max,
    options: searchPath ? `-c search_path=${searchPath}` : undefined,
    ...(prepare ? { Client: PreparingClient } : {}),
  });
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
}

/** A PGlite database in `dataDir`, or in memory when none is given (tests). */
export async function pglite(dataDir?: string): Promise<Kysely<Database>> {
  const [{ PGlite }, { PGliteDialect }] = await Promise.all([
    import('@electric-sql/pglite'),
    import('kysely-pglite-dialect'),
  ]);
  const client = await PGlite.create(dataDir ? { dataDir } : {});
  return new Kysely<Database>({ dialect: new PGliteDialect(client) });
}

/** A Postgres database confined to one schema (tests on a shared server use one schema each). */
export async function postgresInSchema(connectionString: string, schema: string): Promise<Kysely<Database>> {
  const admin = postgres(connectionString);
  await sql`create schema if not exists ${sql.id(schema)}`.execute(admin);
  await admin.destroy();
  return postgres(connectionString, { searchPath: schema });
}

export async function connectWithRetry(
  db: Kysely<Database>,
  { attempts = 6, baseDelayMs = 250, sleep = delay }: ConnectOptions = {},
): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await sql`select 1`.execute(db);
      return;
    } catch (error) {
      if (attempt >= attempts) throw new Error(`Database unreachable after ${attempts} attempts`, { cause: error });
      await sleep(Math.min(baseDelayMs * 2 ** (attempt - 1), 8_000));
    }
  }
}

const delay = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
