// The process-wide database handle, opened once on first use (and kept across dev hot reloads).
import 'server-only';
import { getEnv } from '@/lib/env';
import { logger } from '@/lib/logger';
import { type DatabaseHandle, openDatabase } from './client';

export type { Db } from './client';

const globalForDb = globalThis as unknown as { levqorDb?: Promise<DatabaseHandle> };

export function getDatabase(): Promise<DatabaseHandle> {
  globalForDb.levqorDb ??= openDatabase(getEnv()).then(
    (handle) => {
      logger.info({ driver: handle.driver }, 'database ready');
      return handle;
    },
    (error: unknown) => {
      globalForDb.levqorDb = undefined;
      throw error;
    },
  );
  return globalForDb.levqorDb;
}

export async function getDb() {
  return (await getDatabase()).db;
}

/** The database, or null when it cannot be opened (health checks report that instead of failing). */
export async function getDbOrNull() {
  return getDb().catch((error: unknown) => {
    logger.error({ err: error }, 'database unavailable');
    return null;
  });
}
