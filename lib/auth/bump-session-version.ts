// Ends every session of a user at once: tokens carry the version they were issued with, and it no longer matches.
import 'server-only';
import type { Db } from '@/db/client';
import { sessionCache } from './session-cache';

/** Bumps the user's session version (inside the caller's transaction when given one); null for an unknown user. */
export async function bumpSessionVersion(db: Db, userId: string): Promise<number | null> {
  const row = await db
    .updateTable('users')
    .set((eb) => ({ session_version: eb('session_version', '+', 1) }))
    .where('id', '=', userId)
    .returning('session_version')
    .executeTakeFirst();
  sessionCache.forgetUser(userId);
  return row?.session_version ?? null;
}
