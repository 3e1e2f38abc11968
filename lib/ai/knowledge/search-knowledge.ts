import 'server-only';
// Ranked keyword search over the help (no network): each query term weighs by how rare it is among the items, and
// counts most in a title, then in the keywords, the summary and the body; a title containing the whole query ranks first.
import type { Locale } from '@/lib/i18n/locales';
import { indexText, type IndexedText, matchesTerm, queryTerms } from './knowledge-terms';
import { type KnowledgeItem, type KnowledgeKind, listKnowledge } from './list-knowledge';

export type KnowledgeHit = KnowledgeItem & { score: number };

/** Articles explain; templates and step types show. On an equal match the explanation is the better answer. */
const DOC_BOOST = 1.25;
const FIELD_WEIGHTS = { title: 3, keywords: 2, summary: 1.5, body: 1 } as const;
type Field = keyof typeof FIELD_WEIGHTS;
type Indexed = { item: KnowledgeItem; fields: Record<Field, IndexedText> };

const indexes = new WeakMap<KnowledgeItem[], Indexed[]>();

function indexOf(items: KnowledgeItem[]): Indexed[] {
  let indexed = indexes.get(items);
  if (!indexed) {
    indexed = items.map((item) => ({
      item,
      fields: {
        title: indexText(item.title),
        keywords: indexText(item.keywords.join(' , ')),
        summary: indexText(item.summary),
        body: indexText(item.body),
      },
    }));
    indexes.set(items, indexed);
  }
  return indexed;
}

export async function searchKnowledge(
  locale: Locale,
  query: string,
  options: { limit?: number; kind?: KnowledgeKind } = {},
): Promise<KnowledgeHit[]> {
  const terms = queryTerms(query);
  if (terms.length === 0) return [];
  const indexed = indexOf(await listKnowledge(locale)).filter(
    ({ item }) => !options.kind || item.kind === options.kind,
  );
  const matches = indexed.map(({ fields }) =>
    terms.map((term) => {
      let best = 0;
      for (const field of Object.keys(FIELD_WEIGHTS) as Field[])
        if (FIELD_WEIGHTS[field] > best && matchesTerm(term, fields[field])) best = FIELD_WEIGHTS[field];
      return best;
    }),
  );
  const weights = terms.map((_, index) => {
    const found = matches.filter((row) => row[index]! > 0).length;
    return found === 0 ? 0 : Math.log(1 + indexed.length / found);
  });
  const phrase = indexText(query).text.trim();
  const hits = indexed.flatMap(({ item, fields }, row) => {
    let score = matches[row]!.reduce((sum, weight, index) => sum + weight * weights[index]!, 0);
    if (score === 0) return [];
    if (phrase.length >= 3 && fields.title.text.includes(phrase)) score += 5;
    if (item.kind === 'doc') score *= DOC_BOOST;
    return [{ ...item, score: Math.round(score * 1000) / 1000 }];
  });
  return hits
    .sort((a, b) => b.score - a.score || kindOrder(a.kind) - kindOrder(b.kind) || a.id.localeCompare(b.id))
    .slice(0, options.limit ?? 10);
}

function kindOrder(kind: KnowledgeKind): number {
  return kind === 'doc' ? 0 : kind === 'template' ? 1 : 2;
}
