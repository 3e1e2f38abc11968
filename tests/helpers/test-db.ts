// A fresh, migrated database per test file: in-memory PGlite, or a schema of its own on TEST_DATABASE_URL.
import { randomBytes } from 'node:crypto';
import { type Kysely, sql } from 'kysely';
import { pglite, postgresInSchema } from '@/db/client';
import { migrateToLatest } from '@/db/migrate';
import type { Database } from '@/db/types';

export type TestDb = { db: Kysely<Database>; driver: 'pglite' | 'postgres'; close: () => Promise<void> };

export async function createTestDb(): Promise<TestDb> {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) {
    const db = await pglite();
    await migrateToLatest(db);
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
