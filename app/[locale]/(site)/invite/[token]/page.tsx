// Accept an invitation to a workspace: names the workspace and who invited; sign in with the invited address, then accept.
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { getDb } from '@/db';
import { getSessionUser } from '@/lib/auth/session-scope';
import { Link } from '@/lib/i18n/navigation';
import { pageTitle } from '@/lib/i18n/page-title';
import { localizedPath } from '@/lib/i18n/urls';
import { getInvitationPreview } from '@/lib/workspaces/get-invitation-preview';
import { acceptInvitationAction } from './actions';

export const generateMetadata = pageTitle('app', 'invite.title', { robots: { index: false, follow: false } });

type Props = { params: Promise<{ locale: string; token: string }>; searchParams: Promise<{ error?: string }> };

export default async function InvitePage({ params, searchParams }: Props) {
  const { locale, token } = await params;
  setRequestLocale(locale);
  const [{ error }, t, user, preview] = await Promise.all([
    searchParams,
    getTranslations('app'),
    getSessionUser(),
    getDb().then((db) => getInvitationPreview(db, token)),
  ]);
  const body = !preview
    ? t('invite.body')
    : preview.inviterName
      ? t('invite.named', { inviter: preview.inviterName, workspace: preview.workspaceName })
      : t('invite.namedNoInviter', { workspace: preview.workspaceName });
  return (
    <section className="mx-auto w-full max-w-md px-4 py-24 text-center">
      <h1 className="font-display text-3xl font-semibold">{t('invite.title')}</h1>
      <p className="mt-4 text-fg-muted" data-testid="invite-body">
        {body}
      </p>
      {error ? (
        <p role="alert" className="mt-6 rounded-lg border border-danger/40 bg-danger/10 px-4 py-3 text-sm text-danger">
          {error}
        </p>
      ) : null}
      {user ? (
        <form action={acceptInvitationAction} className="mt-8">
          <input type="hidden" name="token" value={token} />
          <input type="hidden" name="locale" value={locale} />
          <button
            type="submit"
            className="rounded-lg bg-brand-gradient px-5 py-2.5 font-semibold text-slate-950 hover:opacity-90"
          >
            {t('invite.accept')}
          </button>
        </form>
      ) : (
        <Link
          href={{ pathname: '/signin', query: { callbackUrl: localizedPath(locale, `/invite/${token}`) } }}
          className="mt-8 inline-block rounded-lg bg-brand-gradient px-5 py-2.5 font-semibold text-slate-950"
        >
          {t('invite.signInFirst')}
        </Link>
      )}
    </section>
  );
}
