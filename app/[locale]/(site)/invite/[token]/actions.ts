'use server';
// Accepts an invitation for the signed-in user and switches to the joined workspace.
import { redirect } from 'next/navigation';
import { getDb } from '@/db';
import { getSessionUser, setWorkspaceCookie } from '@/lib/auth/session-scope';
import { AppError } from '@/lib/errors';
import { localizedPath } from '@/lib/i18n/urls';
import { acceptInvitation } from '@/lib/workspaces/accept-invitation';

export async function acceptInvitationAction(formData: FormData) {
  const token = String(formData.get('token') ?? '');
  const locale = String(formData.get('locale') ?? 'en');
  const user = await getSessionUser();
  if (!user)
    redirect(
      `${localizedPath(locale, '/signin')}?callbackUrl=${encodeURIComponent(localizedPath(locale, `/invite/${token}`))}`,
    );
  let workspaceId: string;
  try {
    workspaceId = await acceptInvitation(await getDb(), user, token);
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    redirect(`${localizedPath(locale, `/invite/${token}`)}?error=${encodeURIComponent(error.message)}`);
  }
  await setWorkspaceCookie(workspaceId);
  redirect(localizedPath(locale, '/dashboard'));
}
