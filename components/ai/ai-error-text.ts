// A failed AI request in words: 422 names each field it refused, 413 says the text is too long, no answer says so.
import type { ApiResult } from '@/lib/client/call-api';

type Failed = Extract<ApiResult<unknown>, { ok: false }>;
type Translate = (
  key: 'invalid' | 'tooLarge' | 'network' | 'busy' | 'failed',
  values?: Record<string, string>,
) => string;

/** `fields`: the request's field names in words, by path (e.g. `prompt` → "Description"). */
export function aiErrorText(result: Failed, t: Translate, fields: Record<string, string>): string[] {
  if (result.status === 0) return [t('network')];
  if (result.status === 413) return [t('tooLarge')];
  if (result.status === 429) return [t('busy')];
  const issues = result.error.details?.issues ?? [];
  if (result.status === 422 && issues.length)
    return [t('invalid'), ...issues.map((issue) => `${fields[issue.path] ?? issue.path}: ${issue.message}`)];
  return [result.error.message || t('failed')];
}
