// Sets or clears the "signed in" hint: a readable, non-secret cookie that lets static public pages offer "Open the app".
import 'server-only';
import { cookies } from 'next/headers';
import { getEnv } from '@/lib/env';
import { SESSION_MAX_AGE_SECONDS } from './session-claims';
import { SIGNED_IN_HINT_COOKIE } from './signed-in-hint-cookie';

export async function setSignedInHint(signedIn: boolean): Promise<void> {
  // NOTE: never httpOnly: the browser reads it. It says only "someone signed in here"; the session cookie decides.
  const options = {
    httpOnly: false,
    sameSite: 'lax',
    secure: getEnv().APP_URL.startsWith('https:'),
    path: '/',
  } as const;
  (await cookies()).set(SIGNED_IN_HINT_COOKIE, signedIn ? '1' : '', {
    ...options,
    maxAge: signedIn ? SESSION_MAX_AGE_SECONDS : 0,
  });
}
