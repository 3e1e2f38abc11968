// Settings → Security: sign out of all devices (every session of the user ends, this one included).
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { SignOutEverywhereButton } from '@/components/app/sign-out-everywhere-button';
import { requireSessionScope } from '@/lib/auth/require-session';
import { pageTitle } from '@/lib/i18n/page-title';

export const generateMetadata = pageTitle('app', 'securityPage.title');

export default async function SecurityPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const scope = await requireSessionScope(locale, '/settings/security');
  const t = await getTranslations('app.securityPage');
  return (
    <div className="max-w-3xl">
      <h1 className="font-display text-3xl font-semibold">{t('title')}</h1>
      <p className="mt-2 text-fg-muted">{t('intro', { email: scope.user.email })}</p>
      <section className="mt-8 rounded-card border border-border p-6" aria-labelledby="sign-out-everywhere">
        <h2 id="sign-out-everywhere" className="text-lg font-semibold">
          {t('everywhereTitle')}
        </h2>
        <p className="mt-2 text-sm text-fg-muted">{t('everywhereBody')}</p>
        <SignOutEverywhereButton locale={locale} />
      </section>
    </div>
  );
}
