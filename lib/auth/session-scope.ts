// The signed-in user and their workspace scope, read from the Auth.js session and the workspace cookie.
import 'server-only';
import { cookies } from 'next/headers';
import { cache } from 'react';
import { auth } from '@/auth';
import { getDb } from '@/db';
import { getEnv } from '@/lib/env';
import { ensurePersonalWorkspace } from '@/lib/workspaces/ensure-workspace';
import { resolveScope } from '@/lib/workspaces/list-workspaces';
import type { Scope } from './scope';

export const WORKSPACE_COOKIE = 'lvq_workspace';

export type SessionUser = { id: string; email: string; name?: string | null; isAdmin: boolean };

/** The signed-in user, null for a revoked session (see auth.ts's jwt callback); read once per server render. */
export const getSessionUser = cache(async (): Promise<SessionUser | null> => {
  const session = await auth();
  return session?.user?.id ? session.user : null;
});

/**
 * The session's scope, or null when nobody is signed in (or the user has no usable workspace).
 * Pass the user when it has already been read, so the session is not decoded twice.
 */
export const getSessionScope = cache(
  async (knownUser?: SessionUser): Promise<(Scope & { user: SessionUser }) | null> => {
    const user = knownUser ?? (await getSessionUser());
    if (!user) return null;
    const preferred = (await cookies()).get(WORKSPACE_COOKIE)?.value ?? null;
    const db = await getDb();
    let scope = await resolveScope(db, user.id, preferred).catch(() => null);
    if (!scope) {
      // NOTE: someone who signed up through an invitation has no workspace until they accept; entering the app
      // without accepting gives them their personal one (a no-op for anyone who has a membership).
      await ensurePersonalWorkspace(db, user);
      scope = await resolveScope(db, user.id, preferred).catch(() => null);
    }
    return scope ? { ...scope, user } : null;
  },
);

/** Remembers the workspace the user acts in (re-checked against memberships on every request). */
export async function setWorkspaceCookie(workspaceId: string): Promise<void> {
  (await cookies()).set(WORKSPACE_COOKIE, workspaceId, {
    httpOnly: true,
    sameSite: 'lax',
    secure: getEnv().APP_URL.startsWith('https:'),
    path: '/',
    maxAge: 60 * 60 * 24 * 365,
  });
}
