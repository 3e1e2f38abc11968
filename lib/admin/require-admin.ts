import 'server-only';
// For admin pages: the signed-in platform admin, a redirect to sign-in without a session, and 404 for anyone else.
// The admin flag is re-read from the database, so revoking it takes effect before the session expires.
import { notFound, redirect } from 'next/navigation';
import { getDb } from '@/db';
import { getSessionUser, type SessionUser } from '@/lib/auth/session-scope';
import { localizedPath } from '@/lib/i18n/urls';

export async function requireAdminPage(locale: string, returnTo: string): Promise<SessionUser> {
  const user = await getSessionUser();
  if (!user)
    redirect(`${localizedPath(locale, '/signin')}?callbackUrl=${encodeURIComponent(localizedPath(locale, returnTo))}`);
  if (!user.isAdmin) notFound();
  const row = await (await getDb()).selectFrom('users').select('is_admin').where('id', '=', user.id).executeTakeFirst();
  if (!row?.is_admin) notFound();
  return user;
}
