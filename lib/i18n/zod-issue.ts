// A zod issue as our FieldIssue: its path, a stable code (zod's, or `required` for a missing value, or a custom
// check's `params.code`) and the params the translated message needs (messages `validation.<code>`).
import { z } from 'zod';
import type { FieldIssue } from '@/lib/errors';

type Params = Record<string, string | number>;

// NOTE: zod 4 drops the input from finished issues; the global error map runs first and stamps what the reader
// needs to know (was the value missing, what kind was it). It returns no message, so zod's English text stays.
z.config({
  customError: (issue) => {
    if (issue.code === 'invalid_type') Object.assign(issue, { received: kindOf(issue.input) });
    return undefined;
  },
});

function kindOf(value: unknown): string {
  if (value === undefined) return 'undefined';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number' && Number.isNaN(value)) return 'nan';
  return typeof value;
}

/** What was measured, as the messages' `origin` select knows it: string, number, array, date or value. */
function originOf(origin: string): string {
  if (origin === 'int' || origin === 'bigint' || origin === 'number') return 'number';
  if (origin === 'set' || origin === 'array') return 'array';
  return origin === 'string' || origin === 'date' ? origin : 'value';
}

const text = (value: unknown) => String(value).slice(0, 80);

export function issueFromZod(issue: z.core.$ZodIssue, prefix?: string): FieldIssue {
  const path = [prefix, ...issue.path.map(String)].filter(Boolean).join('.') || '(root)';
  const { code, params } = codeAndParams(issue);
  return { path, message: issue.message, code, ...(params ? { params } : {}) };
}

function codeAndParams(issue: z.core.$ZodIssue): { code: string; params?: Params } {
  switch (issue.code) {
    case 'invalid_type': {
      const received = (issue as { received?: string }).received;
      if (received === 'undefined') return { code: 'required' };
      return { code: 'invalid_type', params: { expected: issue.expected, received: received ?? 'unknown' } };
    }
    case 'too_small':
      return {
        code: 'too_small',
        params: {
          origin: originOf(issue.origin),
          minimum: Number(issue.minimum),
          inclusive: String(issue.inclusive !== false),
        },
      };
    case 'too_big':
      return {
        code: 'too_big',
        params: {
          origin: originOf(issue.origin),
          maximum: Number(issue.maximum),
          inclusive: String(issue.inclusive !== false),
        },
      };
    case 'invalid_format':
      return { code: 'invalid_format', params: { format: issue.format } };
    case 'not_multiple_of':
      return { code: 'not_multiple_of', params: { divisor: Number(issue.divisor) } };
    case 'unrecognized_keys':
      return { code: 'unrecognized_keys', params: { keys: issue.keys.join(', '), count: issue.keys.length } };
    case 'invalid_value':
      return { code: 'invalid_value', params: { values: issue.values.map((value) => text(value)).join(', ') } };
    case 'custom': {
      const params = (issue.params ?? {}) as Record<string, unknown>;
      if (typeof params.code !== 'string') return { code: 'custom' };
      const rest = Object.entries(params).filter(([key, value]) => key !== 'code' && value !== undefined);
      return { code: params.code, params: Object.fromEntries(rest.map(([key, value]) => [key, text(value)])) };
    }
    default:
      return { code: issue.code };
  }
}
