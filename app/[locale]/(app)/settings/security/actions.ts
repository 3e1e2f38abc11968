'use server';
// Settings → Security server action: signs the user out of every device, this browser included.
import { cookies } from 'next/headers';
import { signOut } from '@/auth';
import { getDb } from '@/db';
import { WORKSPACE_COOKIE, getSessionUser } from '@/lib/auth/session-scope';
import { signOutEverywhere, signOutEverywhereSchema } from '@/lib/auth/sign-out-everywhere';
import { localizedPath } from '@/lib/i18n/urls';
import { logger } from '@/lib/logger';

export type SignOutEverywhereResult =
  { ok: true; data: { signInUrl: string } } | { ok: false; error: 'invalid' | 'unauthorized' | 'generic' };

export async function signOutEverywhereAction(input: unknown): Promise<SignOutEverywhereResult> {
  const parsed = signOutEverywhereSchema.safeParse(input);
  if (!parsed.success) return { ok: false, error: 'invalid' };
  const user = await getSessionUser();
  if (!user) return { ok: false, error: 'unauthorized' };
  try {
    await signOutEverywhere(await getDb(), user.id);
  } catch (error) {
    logger.error({ err: error }, 'sign out of all devices failed');
    return { ok: false, error: 'generic' };
  }
  (await cookies()).delete(WORKSPACE_COOKIE);
  await signOut({ redirect: false });
  return { ok: true, data: { signInUrl: localizedPath(parsed.data.locale, '/signin') } };
}
