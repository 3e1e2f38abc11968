// Every tier-1 language's lexicon, normalised once so phrases match text run through `normalizeText`.
import { normalizeText } from '../normalize-text';
import { ar } from './ar';
import { de } from './de';
import { en } from './en';
import { es } from './es';
import { fr } from './fr';
import { it } from './it';
import { ja } from './ja';
import type { Concept, Lexicon } from './types';
import { pt } from './pt';
import { zh } from './zh';

export type { Concept, DurationUnit, Lexicon } from './types';
export { entityConcepts } from './types';

/** A phrase as normalised text, keeping the leading or trailing space that marks a word boundary. */
function normalizePhrase(phrase: string): string {
  const core = normalizeText(phrase).trim();
  return `${phrase.startsWith(' ') ? ' ' : ''}${core}${phrase.endsWith(' ') ? ' ' : ''}`;
}

function normalizeLexicon(lexicon: Lexicon): Lexicon {
  const phrases = Object.fromEntries(
    Object.entries(lexicon.phrases).map(([concept, list]) => [concept, list.map(normalizePhrase)]),
  ) as Partial<Record<Concept, string[]>>;
  const words = (list: string[]) => list.map((word) => normalizeText(word).trim());
  return {
    ...lexicon,
    phrases,
    weekdays: lexicon.weekdays.map((names) => names.map(normalizePhrase)),
    numbers: Object.fromEntries(Object.entries(lexicon.numbers).map(([word, n]) => [normalizeText(word).trim(), n])),
    timeBefore: words(lexicon.timeBefore),
    timeAfter: words(lexicon.timeAfter),
    dayOfMonth: { before: words(lexicon.dayOfMonth.before), after: words(lexicon.dayOfMonth.after) },
    durationWords: Object.fromEntries(
      Object.entries(lexicon.durationWords ?? {}).map(([word, value]) => [normalizeText(word).trim(), value]),
    ),
  };
}

export const lexicons = { en, es, fr, de, pt, it, ja, zh, ar } as const;
export type LexiconLocale = keyof typeof lexicons;

export const normalizedLexicons: Record<LexiconLocale, Lexicon> = Object.fromEntries(
  Object.entries(lexicons).map(([locale, lexicon]) => [locale, normalizeLexicon(lexicon)]),
) as Record<LexiconLocale, Lexicon>;
