// The root layout of every page: <html lang dir>, fonts, the site chrome and the locale's messages.
import type { Metadata, Viewport } from 'next';
import { notFound } from 'next/navigation';
import { hasLocale, NextIntlClientProvider } from 'next-intl';
import { getMessages, getTranslations, setRequestLocale } from 'next-intl/server';
import type { ReactNode } from 'react';
import { display, inter } from '@/app/fonts';
import { TelemetryBeacon } from '@/components/telemetry/telemetry-beacon';
import { getEnv } from '@/lib/env';
import { clientMessages } from '@/lib/i18n/client-messages';
import { localeDirection, locales } from '@/lib/i18n/locales';
import { routing } from '@/lib/i18n/routing';

type Props = { children: ReactNode; params: Promise<{ locale: string }> };

export function generateStaticParams() {
  return locales.map((locale) => ({ locale }));
}

export const viewport: Viewport = { themeColor: '#020617', colorScheme: 'dark' };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  if (!hasLocale(routing.locales, locale)) return {};
  const t = await getTranslations({ locale, namespace: 'meta' });
  return {
    metadataBase: new URL(getEnv().APP_URL),
    title: { default: t('title'), template: `%s · Levqor` },
    description: t('description'),
    openGraph: { type: 'website', siteName: 'Levqor', title: t('title'), description: t('description'), locale },
    twitter: { card: 'summary_large_image', title: t('title'), description: t('description') },
  };
}

export default async function LocaleLayout({ children, params }: Props) {
  const { locale } = await params;
  if (!hasLocale(routing.locales, locale)) notFound();
  setRequestLocale(locale);
  const t = await getTranslations({ locale, namespace: 'nav' });
  const messages = clientMessages(await getMessages());
  return (
    <html lang={locale} dir={localeDirection(locale)} className={`${inter.variable} ${display.variable}`}>
      <body className="flex min-h-dvh flex-col bg-surface text-fg">
        <a
          href="#main"
          className="sr-only focus:not-sr-only focus:fixed focus:start-4 focus:top-4 focus:z-50 focus:rounded-md focus:bg-surface-raised focus:px-4 focus:py-2"
        >
          {t('skipToContent')}
        </a>
        <NextIntlClientProvider messages={messages}>{children}</NextIntlClientProvider>
        <TelemetryBeacon />
      </body>
    </html>
  );
}
