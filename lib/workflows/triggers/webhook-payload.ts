// An inbound webhook body as a run's trigger payload. The body is the customer's data, so nothing is dropped: what
// Postgres cannot store as sent (NUL characters, lone surrogates, bytes that are not UTF-8, nesting deeper than 64)
// is kept verbatim as base64 in `rawBody`, beside a `body` with those characters replaced by U+FFFD (null when too deep).
import { inspectJson, type JsonProblem, replaceUnstorableText } from '@/lib/api/inspect-json';
import { AppError } from '@/lib/errors';

export type WebhookPayload = {
  body: unknown;
  receivedAt: string;
  rawBody?: { encoding: 'base64'; data: string; reason: JsonProblem['kind'] | 'not_utf8' };
};

export function webhookPayload(raw: Uint8Array, contentType: string | null, receivedAt: Date): WebhookPayload {
  const bytes = Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength);
  const text = bytes.toString('utf8');
  const body = parseBody(text, contentType);
  const problem = inspectJson(body);
  const reason = problem?.kind ?? (Buffer.from(text).equals(bytes) ? null : 'not_utf8');
  if (!reason) return { body, receivedAt: receivedAt.toISOString() };
  return {
    body: reason === 'depth' ? null : replaceUnstorableText(body),
    receivedAt: receivedAt.toISOString(),
    rawBody: { encoding: 'base64', data: bytes.toString('base64'), reason },
  };
}

function parseBody(raw: string, contentType: string | null): unknown {
  if (!raw) return null;
  if (contentType?.includes('application/x-www-form-urlencoded')) return Object.fromEntries(new URLSearchParams(raw));
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    if (contentType?.includes('json')) throw new AppError('bad_request', 'The body is not valid JSON');
    return raw;
  }
}
