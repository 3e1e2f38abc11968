// The localised not-found page, with the public site chrome.
import type { Metadata } from 'next';
import { useTranslations } from 'next-intl';
import { getTranslations } from 'next-intl/server';
import { SiteFooter } from '@/components/site/site-footer';
import { SiteHeader } from '@/components/site/site-header';
import { Link } from '@/lib/i18n/navigation';

// NOTE: a not-found boundary gets no params; the locale is the one the layout set for this request.
export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('notFound'))('title') };
}

export default function NotFound() {
  const t = useTranslations('notFound');
  return (
    <>
      <SiteHeader />
      <main id="main" className="flex-1">
        <section className="mx-auto max-w-xl px-6 py-32 text-center">
          <h1 className="font-display text-4xl font-semibold">{t('title')}</h1>
          <p className="mt-4 text-fg-muted">{t('body')}</p>
          <Link href="/" className="mt-8 inline-block text-brand-accent underline underline-offset-4">
            {t('home')}
          </Link>
        </section>
      </main>
      <SiteFooter />
    </>
  );
}
