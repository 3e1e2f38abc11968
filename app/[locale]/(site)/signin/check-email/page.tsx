// After asking for a magic link: check your inbox (or, locally, the development mailbox).
import Link from 'next/link';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { devMailboxEnabled } from '@/lib/auth/providers';
import { pageTitle } from '@/lib/i18n/page-title';

export const generateMetadata = pageTitle('auth', 'checkEmailTitle', { robots: { index: false, follow: false } });
export const dynamic = 'force-dynamic';

export default async function CheckEmailPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const t = await getTranslations('auth');
  return (
    <section className="mx-auto w-full max-w-md px-4 py-24 text-center">
      <h1 className="font-display text-3xl font-semibold">{t('checkEmailTitle')}</h1>
      <p className="mt-4 text-fg-muted">{t('checkEmailBody')}</p>
      {devMailboxEnabled() ? (
        <div className="mt-8 rounded-lg border border-border bg-surface-raised p-4 text-sm text-fg-muted">
          <p>{t('devMailboxHint')}</p>
          <Link
            href="/dev/mailbox"
            className="mt-3 inline-block font-semibold text-brand-accent underline underline-offset-4"
          >
            {t('openMailbox')}
          </Link>
        </div>
      ) : null}
    </section>
  );
}
