// Concept lookup over every tier-1 lexicon at once (requests mix languages and brand names): which concepts a
// normalised text mentions, and where.
import { type Concept, normalizedLexicons } from './lexicon';
import { appAliases, type AppName } from './lexicon/apps';
import { normalizeText } from './normalize-text';

const all = Object.values(normalizedLexicons);
const union = new Map<Concept, string[]>();
for (const lexicon of all)
  for (const [concept, list] of Object.entries(lexicon.phrases) as [Concept, string[]][])
    union.set(concept, [...(union.get(concept) ?? []), ...list]);

export function phrasesOf(concept: Concept): string[] {
  return union.get(concept) ?? [];
}

/** Whether the normalised text holds one of the concept's phrases. */
export function mentions(text: string, concept: Concept): boolean {
  return phrasesOf(concept).some((phrase) => text.includes(phrase));
}

/** Index of the first phrase of the concept in the text, or -1. */
export function firstIndexOf(text: string, concept: Concept): number {
  let first = -1;
  for (const phrase of phrasesOf(concept)) {
    const at = text.indexOf(phrase);
    if (at >= 0 && (first < 0 || at < first)) first = at;
  }
  return first;
}

const normalizedApps = Object.entries(appAliases).map(
  ([app, aliases]) => [app as AppName, aliases.map((alias) => normalizeText(alias).trim())] as const,
);

export function appsIn(text: string): AppName[] {
  return normalizedApps.filter(([, aliases]) => aliases.some((alias) => text.includes(alias))).map(([app]) => app);
}

export const allLexicons = all;
