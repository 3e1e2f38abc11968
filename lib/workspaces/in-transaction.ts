import 'server-only';
// Runs work in a transaction, or inside the caller's transaction when `db` already is one.
import type { Transaction } from 'kysely';
import type { Db } from '@/db/client';
import type { Database } from '@/db/types';

// NOTE: `db.isTransaction`, not `instanceof Transaction`: in the Next bundle kysely can be loaded in more than one
// chunk, and a transaction from one copy is not an instance of the other's class.
export function inTransaction<T>(db: Db, work: (trx: Transaction<Database>) => Promise<T>): Promise<T> {
  if (db.isTransaction) return work(db as Transaction<Database>);
  return db.transaction().execute(work);
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** True for a well-formed UUID; anything else cannot name a row and is treated as not found. */
export function isUuid(value: string | null | undefined): value is string {
  return typeof value === 'string' && uuidPattern.test(value);
}
