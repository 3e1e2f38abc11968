// The one place a validation issue becomes a sentence in the reader's language: `validation.<code>` with the
// issue's params and the field named in words (`validationLabels.<field>`); an unknown code keeps its English text.
import { createTranslator } from 'next-intl';
import type { FieldIssue } from '@/lib/errors';
import type { Locale } from './locales';
import { loadMessages, type Messages } from './messages';

export type IssueTranslator = { issue: (issue: FieldIssue) => string; text: (key: string, fallback: string) => string };

/** The last segment of a path that names a field (`steps.2.config.url` → `url`; `tags.3` → `tags`). */
function fieldName(path: string): string | null {
  return (
    path
      .split('.')
      .reverse()
      .find((segment) => segment !== '(root)' && !/^\d+$/.test(segment)) ?? null
  );
}

const wordParams = ['expected', 'field'] as const;

export function issueTranslator(messages: Messages, locale: Locale): IssueTranslator {
  let failed = false;
  const t = createTranslator({
    locale,
    messages,
    onError: () => {
      failed = true;
    },
    getMessageFallback: () => '',
  });
  const attempt = (key: string, values: Record<string, string | number>, fallback: string) => {
    failed = false;
    if (!t.has(key as never)) return fallback;
    const result = t(key as never, values as never) as string;
    return failed || !result ? fallback : result;
  };
  const label = (path: string) => {
    const name = fieldName(path);
    const fallback = attempt('validationLabels.default', {}, 'This field');
    return name && t.has(`validationLabels.${name}` as never)
      ? attempt(`validationLabels.${name}`, {}, fallback)
      : fallback;
  };
  /** Params that are words (a kind of value, a cron field) read in the reader's language: `validationWords.<param>.<value>`. */
  const words = (params: FieldIssue['params'] = {}) => {
    const read = { ...params };
    for (const param of wordParams) {
      const value = params[param];
      if (typeof value !== 'string') continue;
      const key = t.has(`validationWords.${param}.${value}` as never) ? value : 'other';
      read[param] = attempt(`validationWords.${param}.${key}`, {}, value);
    }
    return read;
  };
  return {
    issue: (issue) => {
      // NOTE: a bare zod `custom` issue carries a specific English sentence; only other languages get the generic one.
      if (issue.code === 'custom' && locale === 'en') return issue.message;
      return attempt(`validation.${issue.code}`, { label: label(issue.path), ...words(issue.params) }, issue.message);
    },
    text: (key, fallback) => attempt(key, {}, fallback),
  };
}

/** Issues with `message` in the reader's language; path, code and params stay as they are, for machines. */
export async function translateIssues<T extends FieldIssue>(issues: readonly T[], locale: Locale): Promise<T[]> {
  const translator = issueTranslator(await loadMessages(locale), locale);
  return issues.map((issue) => ({ ...issue, message: translator.issue(issue) }));
}
