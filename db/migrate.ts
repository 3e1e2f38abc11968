// Applies pending migrations from the static list; used by `npm run db:migrate`, the embedded default and tests.
import { type Kysely, Migrator, sql } from 'kysely';
import { migrations } from './migrations';
import type { Database } from './types';

export async function migrateToLatest(db: Kysely<Database>): Promise<string[]> {
  // NOTE: Kysely looks for its migration tables in every schema unless told one; a database that holds another schema
  // with them (another app, a parallel test) would make it skip creating its own. Name the connection's schema.
  const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(db);
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => migrations },
    migrationTableSchema: rows[0]?.schema ?? 'public',
  });
  const { error, results = [] } = await migrator.migrateToLatest();
  const failed = results.find((result) => result.status === 'Error');
  if (error || failed) {
    const cause = error instanceof Error ? error : new Error(String(error ?? 'unknown error'));
    throw new Error(`Migration ${failed?.migrationName ?? ''} failed: ${cause.message}`, { cause });
  }
  return results.filter((result) => result.status === 'Success').map((result) => result.migrationName);
}
