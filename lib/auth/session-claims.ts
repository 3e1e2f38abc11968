// What a session JWT carries to be revocable: its own id (`sid`) and the user's session version at sign-in (`sv`).
import 'server-only';
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { Db } from '@/db/client';

export const SESSION_MAX_AGE_SECONDS = 30 * 24 * 60 * 60;

export const sessionClaimsSchema = z.object({ sub: z.uuid(), sid: z.uuid(), sv: z.number().int().nonnegative() });
export type SessionClaims = z.infer<typeof sessionClaimsSchema>;

/** The claims of a new session for a user who has just signed in. */
export async function mintSessionClaims(db: Db, userId: string): Promise<SessionClaims & { isAdmin: boolean }> {
  const user = await db
    .selectFrom('users')
    .select(['is_admin', 'session_version'])
    .where('id', '=', userId)
    .executeTakeFirstOrThrow();
  return { sub: userId, sid: randomUUID(), sv: user.session_version, isAdmin: user.is_admin };
}
