import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { type MessageFormatElement, parse, TYPE } from '@formatjs/icu-messageformat-parser';
import { describe, expect, it } from 'vitest';
import { localeDirection, localeNames, locales, tierOneLocales } from '@/lib/i18n/locales';
import { loadMessages, type Messages } from '@/lib/i18n/messages';

const read = (locale: string): Messages => JSON.parse(readFileSync(path.resolve('messages', `${locale}.json`), 'utf8'));

function leaves(messages: Messages, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(messages)) {
    const at = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(at, value);
    else for (const [leaf, text] of leaves(value, at)) out.set(leaf, text);
  }
  return out;
}

const english = leaves(read('en'));
/** The argument names an ICU message uses (inside plural/select branches too), each once, sorted. */
function placeholders(text: string): string[] {
  const names = new Set<string>();
  const walk = (elements: MessageFormatElement[]) => {
    for (const element of elements) {
      if ('value' in element && element.type !== TYPE.literal && typeof element.value === 'string')
        names.add(element.value);
      if ('options' in element) for (const option of Object.values(element.options)) walk(option.value);
      if ('children' in element) walk(element.children);
    }
  };
  walk(parse(text));
  return [...names].sort();
}

describe('locales', () => {
  it('has 40 distinct locales with a name and a message file each', () => {
    expect(new Set(locales).size).toBe(40);
    for (const locale of locales) {
      expect(localeNames[locale]).toBeTruthy();
      expect(existsSync(path.resolve('messages', `${locale}.json`)), `messages/${locale}.json`).toBe(true);
    }
  });

  it('writes Arabic and Hebrew right to left, the rest left to right', () => {
    expect(localeDirection('ar')).toBe('rtl');
    expect(localeDirection('he')).toBe('rtl');
    expect(localeDirection('de')).toBe('ltr');
  });

  it.each(tierOneLocales.filter((locale) => locale !== 'en'))('%s translates every key that en.json has', (locale) => {
    const translated = leaves(read(locale));
    const missing = [...english.keys()].filter((key) => !translated.has(key));
    expect(missing).toEqual([]);
  });

  it.each([...locales])('%s has no key that en.json lacks and keeps every placeholder', (locale) => {
    for (const [key, text] of leaves(read(locale))) {
      expect(english.has(key), `${locale}: unknown key ${key}`).toBe(true);
      expect(placeholders(text), `${locale}: ${key}`).toEqual(placeholders(english.get(key)!));
      expect(text.trim(), `${locale}: ${key} is empty`).not.toBe('');
    }
  });

  it('falls back to English key by key for a partly translated locale', async () => {
    const swahili = leaves(await loadMessages('sw'));
    const own = leaves(read('sw'));
    expect(swahili.size).toBe(english.size);
    for (const [key, text] of swahili) expect(text).toBe(own.get(key) ?? english.get(key));
  });
});
