// What Postgres cannot store, found before it gets there: nesting deeper than a limit, NUL characters (refused in
// text and jsonb) and lone UTF-16 surrogates (refused in jsonb), in values and in object keys. Iterative, so a
// 100,000-level document cannot overflow the stack here.

/** Deepest nesting of arrays and objects a request body may have. */
export const MAX_JSON_DEPTH = 64;

export type JsonProblem = { kind: 'depth' | 'nul' | 'surrogate'; path: string };

const NUL = '\u0000';
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Why a string cannot be stored, or null when it can. */
export function textProblem(text: string): JsonProblem['kind'] | null {
  if (text.includes(NUL)) return 'nul';
  // NOTE: isWellFormed is one native pass; the regex only runs to confirm (Node 20 has both).
  if (!text.isWellFormed() && LONE_SURROGATE.test(text)) return 'surrogate';
  return null;
}

/** The first problem in a parsed JSON value, or null. Paths are dotted (`steps.2.config.url`, `(root)` for the top). */
export function inspectJson(value: unknown, maxDepth = MAX_JSON_DEPTH): JsonProblem | null {
  const stack: { value: unknown; path: (string | number)[] }[] = [{ value, path: [] }];
  while (stack.length > 0) {
    const { value: current, path } = stack.pop()!;
    if (typeof current === 'string') {
      const kind = textProblem(current);
      if (kind) return { kind, path: formatPath(path) };
      continue;
    }
    if (current === null || typeof current !== 'object') continue;
    if (path.length >= maxDepth) return { kind: 'depth', path: formatPath(path) };
    if (Array.isArray(current)) {
      for (let index = current.length - 1; index >= 0; index--)
        stack.push({ value: current[index], path: [...path, index] });
      continue;
    }
    for (const [key, item] of Object.entries(current)) {
      const kind = textProblem(key);
      if (kind) return { kind, path: formatPath([...path, key]) };
      stack.push({ value: item, path: [...path, key] });
    }
  }
  return null;
}

/** The value with every NUL and lone surrogate replaced by U+FFFD (for data kept as it arrived, e.g. webhook bodies). */
export function replaceUnstorableText<T>(value: T): T {
  if (typeof value === 'string') return sanitize(value) as T;
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((item) => replaceUnstorableText(item)) as T;
  return Object.fromEntries(
    Object.entries(value).map(([key, item]) => [sanitize(key), replaceUnstorableText(item)]),
  ) as T;
}

function sanitize(text: string): string {
  return textProblem(text) ? text.toWellFormed().replaceAll(NUL, '\uFFFD') : text;
}

export function formatPath(path: (string | number)[]): string {
  return path.length === 0 ? '(root)' : path.map(String).join('.');
}

export const problemMessages: Record<JsonProblem['kind'], string> = {
  depth: `is nested more than ${MAX_JSON_DEPTH} levels deep`,
  nul: 'contains a NUL character (\\u0000), which cannot be stored',
  surrogate: 'contains an unpaired UTF-16 surrogate, which is not valid Unicode text',
};
