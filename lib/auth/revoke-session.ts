// Signs out one session (one device): its id is refused until every copy of its token would have expired anyway.
import 'server-only';
import type { Db } from '@/db/client';
import { sessionCache } from './session-cache';
import { SESSION_MAX_AGE_SECONDS, sessionClaimsSchema } from './session-claims';

const revocableSchema = sessionClaimsSchema.pick({ sub: true, sid: true });
const KEEP_MARGIN_SECONDS = 24 * 60 * 60;

/** Records the token's session as signed out; false for a token that names no session. */
export async function revokeSession(db: Db, token: unknown, now = new Date()): Promise<boolean> {
  const claims = revocableSchema.safeParse(token);
  if (!claims.success) return false;
  const { sub: userId, sid } = claims.data;
  // NOTE: sessions roll (each read re-issues the token), so a copy may expire up to a full max age from now, a few
  // seconds more if another instance re-issued it from its cache; a day's margin covers that and clock skew.
  const expiresAt = new Date(now.getTime() + (SESSION_MAX_AGE_SECONDS + KEEP_MARGIN_SECONDS) * 1000);
  await db
    .insertInto('revoked_sessions')
    .values({ sid, user_id: userId, expires_at: expiresAt })
    .onConflict((oc) => oc.column('sid').doNothing())
    .execute();
  // NOTE: each sign-out also forgets the revocations that expired since the last one, so the table needs no job.
  await db.deleteFrom('revoked_sessions').where('expires_at', '<', now).execute();
  sessionCache.forgetUser(userId);
  return true;
}
