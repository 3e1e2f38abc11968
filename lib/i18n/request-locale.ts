// The language an API request is answered in: the NEXT_LOCALE cookie (set by the language switcher and the
// profile), else the best Accept-Language match, else English.
import { defaultLocale, type Locale, locales } from './locales';

const known = new Set<string>(locales);

function match(tag: string): Locale | null {
  const lower = tag.trim().toLowerCase();
  if (known.has(lower)) return lower as Locale;
  const base = lower.split('-')[0]!;
  if (base === 'tl') return 'fil';
  return known.has(base) ? (base as Locale) : null;
}

export function requestLocale(request: Request): Locale {
  const cookie = /(?:^|;\s*)NEXT_LOCALE=([^;]+)/.exec(request.headers.get('cookie') ?? '')?.[1];
  const fromCookie = cookie ? match(decodeURIComponent(cookie)) : null;
  if (fromCookie) return fromCookie;
  const ranked = (request.headers.get('accept-language') ?? '')
    .split(',')
    .map((part) => {
      const [tag = '', ...rest] = part.split(';');
      const q = Number(/q=([\d.]+)/.exec(rest.join(';'))?.[1] ?? 1);
      return { tag, q: Number.isFinite(q) ? q : 0 };
    })
    .filter((entry) => entry.q > 0 && entry.tag.trim() !== '*')
    .sort((a, b) => b.q - a.q);
  for (const { tag } of ranked) {
    const locale = match(tag);
    if (locale) return locale;
  }
  return defaultLocale;
}
