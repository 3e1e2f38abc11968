// The sign-in page: magic link by email, Google and Microsoft when configured, and the operator login.
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { redirect } from 'next/navigation';
import { configuredProviders } from '@/lib/auth/providers';
import { afterSignInPath } from '@/lib/auth/safe-redirect';
import { getSessionUser } from '@/lib/auth/session-scope';
import { pageTitle } from '@/lib/i18n/page-title';
import { adminSignInAction, oauthSignInAction, requestMagicLinkAction } from './actions';

export const generateMetadata = pageTitle('nav', 'signIn', { robots: { index: false, follow: false } });

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<{ error?: string; callbackUrl?: string }> };

const ERROR_KEYS: Record<string, string> = {
  invalidEmail: 'invalidEmail',
  credentials: 'credentials',
  CredentialsSignin: 'credentials',
  rateLimited: 'rateLimited',
  Verification: 'linkExpired',
};

const inputClass =
  'mt-1 block w-full rounded-lg border border-border-strong bg-surface px-3 py-2.5 text-fg placeholder:text-fg-subtle focus:border-brand-accent';
const buttonClass = 'w-full rounded-lg px-4 py-2.5 font-semibold';

export default async function SignInPage({ params, searchParams }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const { error, callbackUrl } = await searchParams;
  if (await getSessionUser()) redirect(afterSignInPath(locale, callbackUrl));
  const t = await getTranslations('auth');
  const providers = configuredProviders();
  const errorKey = error ? (ERROR_KEYS[error] ?? 'generic') : null;
  const hidden = (
    <>
      <input type="hidden" name="locale" value={locale} />
      {callbackUrl ? <input type="hidden" name="callbackUrl" value={callbackUrl} /> : null}
    </>
  );

  return (
    <section className="mx-auto w-full max-w-md px-4 py-16 sm:py-24">
      <h1 className="font-display text-3xl font-semibold">{t('signInTitle')}</h1>
      <p className="mt-2 text-fg-muted">{t('signInSubtitle')}</p>
      {errorKey ? (
        <p role="alert" className="mt-6 rounded-lg border border-danger/40 bg-danger/10 px-4 py-3 text-sm text-danger">
          {t(`errors.${errorKey}`)}
        </p>
      ) : null}
      <form action={requestMagicLinkAction} className="mt-8 space-y-4">
        {hidden}
        <label className="block text-sm font-medium">
          {t('emailLabel')}
          <input
            name="email"
            type="email"
            required
            autoComplete="email"
            placeholder={t('emailPlaceholder')}
            className={inputClass}
            data-testid="signin-email"
          />
        </label>
        <button type="submit" className={`${buttonClass} bg-brand-gradient text-slate-950 hover:opacity-90`}>
          {t('sendLink')}
        </button>
      </form>
      {providers.google || providers.microsoft ? (
        <div className="mt-6 space-y-3">
          <p className="text-center text-sm text-fg-subtle">{t('or')}</p>
          {[
            ['google', 'providerGoogle', providers.google],
            ['microsoft-entra-id', 'providerMicrosoft', providers.microsoft],
          ].map(([id, label, enabled]) =>
            enabled ? (
              <form key={String(id)} action={oauthSignInAction}>
                {hidden}
                <input type="hidden" name="provider" value={String(id)} />
                <button type="submit" className={`${buttonClass} border border-border-strong hover:bg-surface-raised`}>
                  {t('continueWith', { provider: t(String(label)) })}
                </button>
              </form>
            ) : null,
          )}
        </div>
      ) : null}
      {providers.admin ? (
        <details className="mt-10 rounded-lg border border-border p-4">
          <summary className="cursor-pointer text-sm font-medium text-fg-muted">{t('adminTitle')}</summary>
          <form action={adminSignInAction} className="mt-4 space-y-4">
            {hidden}
            <label className="block text-sm font-medium">
              {t('emailLabel')}
              <input name="email" type="email" required autoComplete="username" className={inputClass} />
            </label>
            <label className="block text-sm font-medium">
              {t('passwordLabel')}
              <input name="password" type="password" required autoComplete="current-password" className={inputClass} />
            </label>
            <button type="submit" className={`${buttonClass} border border-border-strong hover:bg-surface-raised`}>
              {t('adminSubmit')}
            </button>
          </form>
        </details>
      ) : null}
    </section>
  );
}
