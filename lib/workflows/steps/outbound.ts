// Shared by the steps that call other services: the call (with Idempotency-Key), body reading, status → StepError,
// and config fields that accept values templates resolve to.
import { z } from 'zod';
import { StepError, type StepContext } from './types';

export const MAX_RESPONSE_BYTES = 1024 * 1024;

/** Strings as written; numbers and booleans a whole-value template resolved to are turned into text. */
export const textField = (max: number, min = 1) =>
  z.preprocess(
    (value) => (typeof value === 'number' || typeof value === 'boolean' ? String(value) : value),
    z.string().min(min).max(max),
  );

/** Letters, digits and !#$%&'*+.^_`|~- (an HTTP token). */
export const headerNameSchema = z.string().regex(/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/, 'Not a valid header name');
const reservedHeaders = new Set([
  'host',
  'content-length',
  'transfer-encoding',
  'connection',
  'upgrade',
  'te',
  'trailer',
  'keep-alive',
]);
export const headersSchema = z
  .record(headerNameSchema, textField(8_192, 0))
  .refine(
    (headers) => Object.keys(headers).every((name) => !reservedHeaders.has(name.toLowerCase())),
    'Host, Content-Length, Connection and other hop-by-hop headers are set automatically',
  )
  .refine((headers) => Object.keys(headers).length <= 50, 'At most 50 headers');

export const timeoutMsSchema = z.coerce
  .number()
  .int()
  .min(100, 'At least 100 ms')
  .max(120_000, 'At most 120000 ms (2 minutes)');

type CallInit = RequestInit & { timeoutMs?: number };

/** An absolute http(s) URL, or a non-retryable `invalid_url`. */
export function parseHttpUrl(url: string): URL {
  try {
    const parsed = new URL(url);
    if (parsed.protocol === 'http:' || parsed.protocol === 'https:') return parsed;
  } catch {
    // reported below
  }
  throw new StepError('invalid_url', `"${url.slice(0, 100)}" is not an absolute http(s) URL`, false);
}

/** One outbound call through the egress-guarded fetch, always carrying the step's Idempotency-Key. */
export async function callService(
  ctx: StepContext,
  service: string,
  url: string,
  init: CallInit = {},
): Promise<Response> {
  const headers = new Headers(init.headers);
  if (!headers.has('idempotency-key')) headers.set('idempotency-key', ctx.idempotencyKey);
  if (!headers.has('user-agent')) headers.set('user-agent', 'Levqor-Workflows/1 (+https://levqor.io)');
  const request: CallInit & { maxResponseBytes: number } = {
    ...init,
    headers,
    signal: ctx.signal,
    maxResponseBytes: MAX_RESPONSE_BYTES,
  };
  try {
    return await ctx.services.fetch(url, request);
  } catch (error) {
    if (error instanceof StepError || ctx.signal.aborted) throw error;
    const code =
      (error as { cause?: { code?: string } }).cause?.code ?? (error instanceof Error ? error.name : 'error');
    throw new StepError('network_error', `Could not reach ${service} (${code})`, true);
  }
}

/** The body as text, refusing more than `maxBytes`. */
export async function readText(response: Response, maxBytes = MAX_RESPONSE_BYTES): Promise<string> {
  if (!response.body) return '';
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let received = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    received += value.byteLength;
    if (received > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw new StepError('response_too_large', `The response is larger than ${maxBytes} bytes`, false, { maxBytes });
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export function isJsonType(contentType: string | null): boolean {
  return /^application\/(?:[\w.+-]+\+)?json\b/i.test(contentType ?? '');
}

/** JSON when the response says so (and parses), text otherwise. */
export function parseBody(text: string, contentType: string | null): unknown {
  if (!isJsonType(contentType) || text.trim() === '') return text;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

export function excerpt(text: string, max = 200): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max)}…` : flat;
}

/** Retry-After as milliseconds: delta seconds or an HTTP date. */
export function retryAfterMs(value: string | null | undefined, now: Date): number | undefined {
  if (!value) return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now.getTime());
}

/**
 * The error for an unsuccessful status: 408, 425, 429 and 5xx are retryable (with `retryAfterMs` when the service
 * said when), every other status is not, and the message names the status and a short excerpt of the body.
 */
export function statusError(
  service: string,
  response: Response,
  bodyText: string,
  now: Date,
  detail?: string,
): StepError {
  const { status } = response;
  const wait = retryAfterMs(response.headers.get('retry-after'), now);
  const details: Record<string, unknown> = { status, ...(wait !== undefined ? { retryAfterMs: wait } : {}) };
  const said = detail ?? excerpt(bodyText);
  const suffix = said ? `: ${said}` : '';
  if (status === 429)
    return new StepError('rate_limited', `${service} is rate limiting requests (HTTP 429)${suffix}`, true, details);
  if (status >= 500 || status === 408 || status === 425)
    return new StepError('upstream_error', `${service} answered HTTP ${status}${suffix}`, true, details);
  const hint = status === 401 || status === 403 ? ' (check the credential and its permissions)' : '';
  return new StepError(
    'request_rejected',
    `${service} refused the request with HTTP ${status}${hint}${suffix}`,
    false,
    details,
  );
}

/** The named connector credential's field, or a non-retryable `credential_missing`. */
export async function credentialField(
  ctx: StepContext,
  name: string,
  connector: string,
  field: string,
): Promise<string> {
  const fields = await ctx.services.credential(name, connector);
  const value = fields[field];
  if (!value)
    throw new StepError('credential_missing', `The ${connector} credential "${name}" has no ${field}`, false, {
      name,
      connector,
    });
  return value;
}
