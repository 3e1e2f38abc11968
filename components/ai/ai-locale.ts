// The `locale` an AI request sends: the page's language when AI answers in it (tier 1), else none (server picks).
import { type Locale, tierOneLocales } from '@/lib/i18n/locales';

export const aiLocale = (locale: string): string | undefined =>
  tierOneLocales.includes(locale as Locale) ? locale : undefined;
