// For pages and server actions: the session scope, or a redirect to sign-in (the proxy's check is only coarse).
import 'server-only';
import { redirect } from 'next/navigation';
import { localizedPath } from '@/lib/i18n/urls';
import { getSessionScope } from './session-scope';

export async function requireSessionScope(locale: string, returnTo: string) {
  const scope = await getSessionScope();
  if (!scope)
    redirect(`${localizedPath(locale, '/signin')}?callbackUrl=${encodeURIComponent(localizedPath(locale, returnTo))}`);
  return scope;
}
