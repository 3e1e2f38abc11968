// /auth/status — which sign-in methods are configured and who is signed in; never shows secrets.
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { configuredProviders } from '@/lib/auth/providers';
import { getSessionUser } from '@/lib/auth/session-scope';
import { pageTitle } from '@/lib/i18n/page-title';

export const generateMetadata = pageTitle('auth', 'statusTitle', { robots: { index: false, follow: false } });
export const dynamic = 'force-dynamic';

export default async function AuthStatusPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const t = await getTranslations('auth');
  const providers = configuredProviders();
  const user = await getSessionUser();
  const rows = [
    ['providerMagicLink', providers.magicLink],
    ['providerGoogle', providers.google],
    ['providerMicrosoft', providers.microsoft],
    ['providerAdmin', providers.admin],
  ] as const;
  return (
    <section className="mx-auto w-full max-w-xl px-4 py-16">
      <h1 className="font-display text-3xl font-semibold">{t('statusTitle')}</h1>
      <h2 className="mt-8 text-lg font-semibold">{t('statusProviders')}</h2>
      <dl className="mt-3 divide-y divide-border rounded-card border border-border">
        {rows.map(([label, enabled]) => (
          <div key={label} className="flex justify-between px-4 py-3 text-sm">
            <dt>{t(label)}</dt>
            <dd className={enabled ? 'text-success' : 'text-fg-subtle'} data-testid={`provider-${label}`}>
              {enabled ? t('statusConfigured') : t('statusNotConfigured')}
            </dd>
          </div>
        ))}
        <div className="flex justify-between px-4 py-3 text-sm">
          <dt>{t('statusEmailDelivery')}</dt>
          <dd>{providers.emailDelivery === 'resend' ? t('statusEmailResend') : t('statusEmailOutbox')}</dd>
        </div>
      </dl>
      <h2 className="mt-8 text-lg font-semibold">{t('statusSession')}</h2>
      <p className="mt-3 text-sm text-fg-muted" data-testid="session-status">
        {user ? t('statusSignedInAs', { email: user.email }) : t('statusSignedOut')}
      </p>
    </section>
  );
}
