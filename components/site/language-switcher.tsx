'use client';
// Language switcher: a native select (keyboard and screen-reader friendly); the choice is kept in a cookie.
// Arrow keys only move the selection; Enter (or picking with the pointer) switches the language.
import { useLocale, useTranslations } from 'next-intl';
import { useId, useRef, useState, useTransition } from 'react';
import { usePathname, useRouter } from '@/lib/i18n/navigation';
import { type Locale, localeNames, locales } from '@/lib/i18n/locales';

const BROWSING_KEYS = new Set(['ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight', 'Home', 'End', 'PageUp', 'PageDown']);

export function LanguageSwitcher() {
  const t = useTranslations('language');
  const locale = useLocale() as Locale;
  const router = useRouter();
  const pathname = usePathname();
  const hintId = useId();
  const [isPending, startTransition] = useTransition();
  const [selected, setSelected] = useState<Locale>(locale);
  const byKeyboard = useRef(false);

  function commit(next: Locale) {
    if (next === locale) return;
    startTransition(() => router.replace(pathname, { locale: next }));
  }

  return (
    <label className="relative inline-flex items-center">
      <span className="sr-only">{t('change')}</span>
      <span id={hintId} className="sr-only">
        {t('commitHint')}
      </span>
      <svg
        className="pointer-events-none absolute start-2.5 h-4 w-4 text-fg-subtle"
        viewBox="0 0 24 24"
        fill="none"
        stroke="currentColor"
        strokeWidth="1.8"
        aria-hidden="true"
      >
        <circle cx="12" cy="12" r="9" />
        <path d="M3 12h18M12 3c2.5 2.7 3.8 5.7 3.8 9s-1.3 6.3-3.8 9c-2.5-2.7-3.8-5.7-3.8-9S9.5 5.7 12 3z" />
      </svg>
      <select
        name="locale"
        data-testid="language-switcher"
        aria-describedby={hintId}
        value={selected}
        disabled={isPending}
        onPointerDown={() => (byKeyboard.current = false)}
        onKeyDown={(event) => {
          if (event.key === 'Enter') {
            event.preventDefault();
            commit(selected);
          } else if (BROWSING_KEYS.has(event.key) || event.key.length === 1) byKeyboard.current = true;
        }}
        onChange={(event) => {
          const next = event.target.value as Locale;
          setSelected(next);
          if (!byKeyboard.current) commit(next);
        }}
        onBlur={() => {
          byKeyboard.current = false;
          setSelected(locale);
        }}
        className="h-9 cursor-pointer appearance-none rounded-lg border border-border bg-surface-raised ps-8 pe-3 text-sm text-fg-muted hover:border-border-strong disabled:opacity-60"
      >
        {locales.map((code) => (
          <option key={code} value={code} lang={code}>
            {localeNames[code]}
          </option>
        ))}
      </select>
    </label>
  );
}
