// A fresh, migrated database per test file: in-memory PGlite, or a schema of its own on TEST_DATABASE_URL.
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type Kysely, sql } from 'kysely';
import { postgresInSchema } from '@/db/client';
import { migrateToLatest } from '@/db/migrate';
import type { Database } from '@/db/types';

export type TestDb = { db: Kysely<Database>; driver: 'pglite' | 'postgres'; close: () => Promise<void> };

export async function createTestDb(): Promise<TestDb> {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) {
    const db = await migratedPglite();
    return { db, driver: 'pglite', close: () => db.destroy() };
  }
  const schema = `test_${randomBytes(6).toString('hex')}`;
  const db = await postgresInSchema(url, schema);
  await migrateToLatest(db);
  return {
    db,
    driver: 'postgres',
    close: async () => {
      await sql`drop schema ${sql.id(schema)} cascade`.execute(db);
      await db.destroy();
    },
  };
}

const MIGRATIONS_DIR = path.resolve(import.meta.dirname, '../../db/migrations');

/** A key that changes whenever a migration file does. */
function migrationsKey(): string {
  const hash = createHash('sha256');
  for (const file of readdirSync(MIGRATIONS_DIR).sort())
    hash.update(file).update(readFileSync(path.join(MIGRATIONS_DIR, file)));
  return hash.digest('hex').slice(0, 16);
}

/**
 * PGlite from a data directory that is already initialised and migrated. A new PGlite runs initdb (about 5 s of
 * WebAssembly per test file); loading a dump of a migrated one takes about 1 s. The dump is made once per set of
 * migrations and kept in the temp folder.
 */
async function migratedPglite(): Promise<Kysely<Database>> {
  const [{ PGlite }, { PGliteDialect }, { Kysely }] = await Promise.all([
    import('@electric-sql/pglite'),
    import('kysely-pglite-dialect'),
    import('kysely'),
  ]);
  const dumpFile = path.join(tmpdir(), `levqor-test-pglite-${migrationsKey()}.tar`);
  if (existsSync(dumpFile)) {
    const client = await PGlite.create({ loadDataDir: new Blob([readFileSync(dumpFile)]) });
    return new Kysely<Database>({ dialect: new PGliteDialect(client) });
  }
  const client = await PGlite.create({});
  const db = new Kysely<Database>({ dialect: new PGliteDialect(client) });
  await migrateToLatest(db);
  const dump = await client.dumpDataDir('none');
  // NOTE: written aside and renamed, so a worker reading the dump never sees half of it.
  const partial = `${dumpFile}.${process.pid}.${randomBytes(4).toString('hex')}`;
  writeFileSync(partial, Buffer.from(await dump.arrayBuffer()));
  renameSync(partial, dumpFile);
  return db;
}
