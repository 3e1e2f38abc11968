// Locale-prefixed URLs for metadata, hreflang alternates and the sitemap.
import { defaultLocale, type Locale, locales } from './locales';

/** `/pricing` in German is `/de/pricing`; English stays unprefixed. */
export function localizedPath(locale: Locale | string, pathname: string): string {
  const clean = pathname === '/' ? '' : pathname;
  return locale === defaultLocale ? clean || '/' : `/${locale}${clean}`;
}

/** hreflang alternates for a public path, with English as x-default. */
export function alternateLanguages(pathname: string): Record<string, string> {
  const languages: Record<string, string> = Object.fromEntries(
    locales.map((locale) => [locale, localizedPath(locale, pathname)]),
  );
  languages['x-default'] = localizedPath(defaultLocale, pathname);
  return languages;
}
