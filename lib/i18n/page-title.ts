// `generateMetadata` for a page titled by one message, in the page's locale (the layout adds "· Levqor"):
// `export const generateMetadata = pageTitle('admin', 'audit.title')`.
import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';

type PageProps = { params: Promise<{ locale: string }> };

export function pageTitle(namespace: string, key: string, metadata: Metadata = {}) {
  return async function generateMetadata({ params }: PageProps): Promise<Metadata> {
    const { locale } = await params;
    const t = await getTranslations({ locale, namespace });
    return { ...metadata, title: t(key) };
  };
}
