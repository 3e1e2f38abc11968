// Loads a locale's messages over the English ones, so a missing key falls back to English key by key.
import type { Locale } from './locales';

export type Messages = { [key: string]: string | Messages };

export function mergeMessages(base: Messages, override: Messages): Messages {
  const merged: Messages = { ...base };
  for (const [key, value] of Object.entries(override)) {
    const baseValue = base[key];
    merged[key] = typeof value === 'object' && typeof baseValue === 'object' ? mergeMessages(baseValue, value) : value;
  }
  return merged;
}

export async function loadMessages(locale: Locale): Promise<Messages> {
  const english = (await import('@/messages/en.json')).default as Messages;
  if (locale === 'en') return english;
  const translated = (await import(`@/messages/${locale}.json`)).default as Messages;
  return mergeMessages(english, translated);
}
