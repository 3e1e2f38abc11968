// sitemap.xml: every public page in every locale, with hreflang alternates.
import type { MetadataRoute } from 'next';
import { getEnv } from '@/lib/env';
import { locales } from '@/lib/i18n/locales';
import { publicPages } from '@/lib/i18n/public-pages';
import { alternateLanguages, localizedPath } from '@/lib/i18n/urls';

export default function sitemap(): MetadataRoute.Sitemap {
  const base = getEnv().APP_URL;
  const absolute = (pathname: string) => new URL(pathname, base).toString();
  return publicPages.flatMap((page) => {
    const languages = Object.fromEntries(
      Object.entries(alternateLanguages(page.path)).map(([lang, href]) => [lang, absolute(href)]),
    );
    return locales.map((locale) => ({
      url: absolute(localizedPath(locale, page.path)),
      changeFrequency: page.changeFrequency,
      priority: page.priority,
      alternates: { languages },
    }));
  });
}
