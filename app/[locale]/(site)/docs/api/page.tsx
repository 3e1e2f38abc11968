// /docs/api: the getting-started guide (server-rendered, English) and the API reference of /api/openapi.json (Scalar,
// loaded lazily in the browser), with a link to the raw document for tools.
import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { buttonClass } from '@/components/ui/button';
import { ApiGuide } from '@/components/docs/api-guide';
import { ApiReference } from '@/components/docs/api-reference';
import { defaultLocale } from '@/lib/i18n/locales';
import { Link } from '@/lib/i18n/navigation';
import { alternateLanguages, localizedPath } from '@/lib/i18n/urls';

const DOCUMENT_URL = '/api/openapi.json';

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: 'docsApi' });
  return {
    title: t('metaTitle'),
    description: t('metaDescription'),
    alternates: { canonical: localizedPath(locale, '/docs/api'), languages: alternateLanguages('/docs/api') },
    openGraph: {
      type: 'website',
      siteName: 'Levqor',
      title: t('metaTitle'),
      description: t('metaDescription'),
      locale,
      url: localizedPath(locale, '/docs/api'),
    },
  };
}

export default async function ApiDocsPage({ params }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const t = await getTranslations('docsApi');
  return (
    <div className="mx-auto max-w-7xl px-4 py-16 sm:px-6">
      <header className="max-w-3xl">
        <h1 className="font-display text-4xl font-semibold tracking-tight text-balance sm:text-5xl">{t('title')}</h1>
        <p className="mt-4 text-lg text-fg-muted">{t('intro')}</p>
        <div className="mt-6 flex flex-wrap items-center gap-3">
          <Link href="/settings/api-keys" className={buttonClass({ variant: 'primary' })}>
            {t('createKey')}
          </Link>
          <a href={DOCUMENT_URL} className={buttonClass()} data-testid="openapi-link" type="application/json">
            {t('openapiLink')}
          </a>
        </div>
        <p className="mt-2 text-sm text-fg-subtle">{t('openapiHint')}</p>
      </header>

      <section id="guide" aria-label={t('guideTitle')} className="mt-14 scroll-mt-24">
        <ApiGuide englishOnlyNote={locale !== defaultLocale} />
      </section>

      <section id="reference" aria-labelledby="reference-title" className="mt-20 scroll-mt-20">
        <h2 id="reference-title" className="font-display text-3xl font-semibold">
          {t('referenceTitle')}
        </h2>
        <div className="mt-6 overflow-hidden rounded-card border border-border">
          <ApiReference documentUrl={DOCUMENT_URL} loadingLabel={t('referenceLoading')} />
        </div>
      </section>
    </div>
  );
}
