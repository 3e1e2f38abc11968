// The one revocation check every session read passes (Auth.js jwt callback): one indexed query, briefly cached.
import 'server-only';
import type { Db } from '@/db/client';
import { sessionCache, type SessionState } from './session-cache';
import { sessionClaimsSchema } from './session-claims';

/**
 * True while the token's session has not been signed out on its own and the user's session version is still the
 * one it was issued with. Tokens without a session id or version (issued before revocation existed) are refused.
 */
export async function isSessionActive(db: Db, token: unknown): Promise<boolean> {
  const claims = sessionClaimsSchema.safeParse(token);
  if (!claims.success) return false;
  const { sub: userId, sid, sv } = claims.data;
  const session = sessionCache.read(userId, sid) ?? (await readSessionState(db, userId, sid));
  return !session.revoked && session.version === sv;
}

async function readSessionState(db: Db, userId: string, sid: string): Promise<SessionState> {
  const readAt = Date.now();
  const row = await db
    .selectFrom('users')
    .select((eb) => [
      'users.session_version',
      eb
        .exists(
          eb.selectFrom('revoked_sessions').select('revoked_sessions.sid').where('revoked_sessions.sid', '=', sid),
        )
        .as('revoked'),
    ])
    .where('users.id', '=', userId)
    .executeTakeFirst();
  const session: SessionState = row
    ? { version: row.session_version, revoked: Boolean(row.revoked) }
    : { version: null, revoked: true };
  sessionCache.store(userId, sid, session, readAt);
  return session;
}
