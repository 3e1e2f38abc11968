// The 40 locales Levqor speaks. Tier 1 is fully translated; the rest fall back to English key by key.
export const locales = [
  'en',
  'es',
  'fr',
  'de',
  'pt',
  'it',
  'ja',
  'zh',
  'ar',
  'nl',
  'pl',
  'sv',
  'da',
  'fi',
  'nb',
  'cs',
  'sk',
  'hu',
  'ro',
  'bg',
  'el',
  'tr',
  'ru',
  'uk',
  'he',
  'hi',
  'bn',
  'id',
  'ms',
  'th',
  'vi',
  'ko',
  'fil',
  'sw',
  'hr',
  'sr',
  'sl',
  'lt',
  'lv',
  'et',
] as const;

export type Locale = (typeof locales)[number];

export const defaultLocale: Locale = 'en';

export const tierOneLocales: readonly Locale[] = ['en', 'es', 'fr', 'de', 'pt', 'it', 'ja', 'zh', 'ar'];

const rightToLeft: ReadonlySet<Locale> = new Set(['ar', 'he']);

export function localeDirection(locale: Locale): 'rtl' | 'ltr' {
  return rightToLeft.has(locale) ? 'rtl' : 'ltr';
}

/** Each language named in itself, for the language switcher. */
export const localeNames: Record<Locale, string> = {
  en: 'English',
  es: 'Español',
  fr: 'Français',
  de: 'Deutsch',
  pt: 'Português',
  it: 'Italiano',
  ja: '日本語',
  zh: '中文',
  ar: 'العربية',
  nl: 'Nederlands',
  pl: 'Polski',
  sv: 'Svenska',
  da: 'Dansk',
  fi: 'Suomi',
  nb: 'Norsk bokmål',
  cs: 'Čeština',
  sk: 'Slovenčina',
  hu: 'Magyar',
  ro: 'Română',
  bg: 'Български',
  el: 'Ελληνικά',
  tr: 'Türkçe',
  ru: 'Русский',
  uk: 'Українська',
  he: 'עברית',
  hi: 'हिन्दी',
  bn: 'বাংলা',
  id: 'Bahasa Indonesia',
  ms: 'Bahasa Melayu',
  th: 'ไทย',
  vi: 'Tiếng Việt',
  ko: '한국어',
  fil: 'Filipino',
  sw: 'Kiswahili',
  hr: 'Hrvatski',
  sr: 'Српски',
  sl: 'Slovenščina',
  lt: 'Lietuvių',
  lv: 'Latviešu',
  et: 'Eesti',
};
