// The terms a help search matches on: words (prefix-matched, so "retry" finds "retries") for spaced scripts, character
// bigrams for Chinese and Japanese, and Arabic words without their attached prefixes and endings matched as
// substrings.
import { normalizeText } from '@/lib/ai/workflow/normalize-text';

export type Term = { kind: 'word' | 'substring'; value: string };

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u30fc]+/gu;
const ARABIC = /\p{Script=Arabic}/u;
const ARABIC_PREFIX = /^(?:وال|بال|كال|فال|لل|ال|و|ب|ل|ف)(?=\p{Script=Arabic}{3})/u;
const ARABIC_SUFFIX = /(?<=\p{Script=Arabic}{3})(?:ات|ها|ين|ون|يه|ه)$/u;

/** Words too common in questions to say anything about the answer. */
const STOPWORDS = new Set(
  (
    'a an and are at be by can do does for from have how i in is it me my of on or the this to what when where which ' +
    'who why will with you your el la los las un una de del y o en que como cómo por para mi es se lo al ' +
    'le les des du et ou est je mon ma mes comment pour dans pas une ' +
    'der die das ein eine und oder ist ich wie mein meine was warum für mit den dem zu von im ' +
    'o os as um uma e é eu meu minha da do dos das no na como porque ' +
    'il lo gli di e è io mio mia come perché per con nel della ' +
    'ماذا كيف لماذا متى اين هل ما من في على عن عند الى يحدث يمكنني'
  ).split(' '),
);

export function queryTerms(query: string): Term[] {
  const normalized = normalizeText(query);
  const terms: Term[] = [];
  const seen = new Set<string>();
  const add = (term: Term) => {
    const key = `${term.kind}:${term.value}`;
    if (seen.has(key)) return;
    seen.add(key);
    terms.push(term);
  };
  for (const run of normalized.match(CJK) ?? []) {
    if (run.length === 1) add({ kind: 'substring', value: run });
    for (let index = 0; index + 1 < run.length; index += 1)
      add({ kind: 'substring', value: run.slice(index, index + 2) });
  }
  for (const word of normalized.replace(CJK, ' ').split(' ')) {
    const clean = word.replace(/^[-.'/:@]+|[-.'/:@]+$/g, '');
    if (clean.length < 2 || STOPWORDS.has(clean)) continue;
    if (ARABIC.test(clean)) {
      const stem = clean.replace(ARABIC_PREFIX, '').replace(ARABIC_SUFFIX, '');
      if (stem.length >= 2) add({ kind: 'substring', value: stem });
    } else add({ kind: 'word', value: clean });
  }
  return terms;
}

export type IndexedText = { text: string; words: string[] };

export function indexText(text: string): IndexedText {
  const normalized = normalizeText(text);
  return { text: normalized, words: normalized.split(' ').filter(Boolean) };
}

/**
 * A word matches a word of the text that starts with it ("sched" → "schedule"), or shares its first letters up to a
 * short ending: at least four, and all but the last two of the shorter ("retry" ~ "retries", "failed" ~ "failure").
 */
function wordsMatch(term: string, word: string): boolean {
  if (word === term) return true;
  const shorter = Math.min(term.length, word.length);
  if (shorter < 3) return false;
  let common = 0;
  while (common < shorter && term[common] === word[common]) common += 1;
  if (common === term.length) return true;
  return common >= Math.max(4, shorter - 2);
}

export function matchesTerm(term: Term, indexed: IndexedText): boolean {
  if (term.kind === 'substring') return indexed.text.includes(term.value);
  return indexed.words.some((word) => wordsMatch(term.value, word));
}
