// `{{ path }}` templates over a run's data: `trigger.payload.x`, `steps.fetch.output.body.items.0`.
import type { TemplateData } from './steps/types';

const whole = /^\{\{\s*([\w.$-]+)\s*\}\}$/;
const embedded = /\{\{\s*([\w.$-]+)\s*\}\}/g;

/** The value at a dot path (array indexes are numbers); undefined when any part is missing. */
export function readPath(data: unknown, path: string): unknown {
  let current: unknown = data;
  for (const key of path.split('.')) {
    if (current === null || typeof current !== 'object') return undefined;
    if (!Object.prototype.hasOwnProperty.call(current, key)) return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

function stringify(value: unknown): string {
  if (value === undefined || value === null) return '';
  return typeof value === 'string' ? value : typeof value === 'object' ? JSON.stringify(value) : String(value);
}

/**
 * Resolves templates in strings, arrays and objects. A string that is exactly one template keeps the
 * value's type (`"{{steps.a.output}}"` → the object); templates inside text are stringified.
 */
export function resolveTemplates(value: unknown, data: TemplateData | Record<string, unknown>): unknown {
  if (typeof value === 'string') {
    const match = whole.exec(value);
    if (match) return readPath(data, match[1] ?? '');
    return value.includes('{{')
      ? value.replace(embedded, (_all, path: string) => stringify(readPath(data, path)))
      : value;
  }
  if (Array.isArray(value)) return value.map((item) => resolveTemplates(item, data));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, resolveTemplates(item, data)]));
  }
  return value;
}

/** Every template path in a value, for the validator (`steps.x…` must name an earlier step). */
export function templatePaths(value: unknown): string[] {
  if (typeof value === 'string') return [...value.matchAll(embedded)].map((match) => match[1] ?? '');
  if (Array.isArray(value)) return value.flatMap(templatePaths);
  if (value && typeof value === 'object') return Object.values(value).flatMap(templatePaths);
  return [];
}
