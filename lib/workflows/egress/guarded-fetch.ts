import 'server-only';
// fetch for workflow steps behind the SSRF guard: addresses are checked when the socket connects (defeating DNS
// rebinding), redirects are followed by hand and re-checked hop by hop, with a timeout and an optional size cap.
import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import type { LookupFunction } from 'node:net';
import {
  Agent,
  fetch as undiciFetch,
  type RequestInit as UndiciRequestInit,
  type Response as UndiciResponse,
} from 'undici';
import { getEnv } from '@/lib/env';
import { logger } from '@/lib/logger';
import { StepError } from '@/lib/workflows/steps/types';
import { checkAddress, checkHostname, checkTarget } from './address-policy';
import { type Allowlist, getEnvAllowlist, isHostAllowlisted, parseAllowlist } from './allowlist';

export type GuardedFetchInit = RequestInit & { timeoutMs?: number; maxResponseBytes?: number };
export type GuardedFetchOptions = {
  /** Resolver used when connecting (node:dns by default); tests inject a fake one. */
  lookup?: LookupFunction;
  /** Replaces WORKFLOW_EGRESS_ALLOWLIST: hostnames, `*.suffix`, IPs or CIDRs. */
  allowlist?: string | readonly string[];
};

export const MAX_REDIRECTS = 5;
export const DEFAULT_TIMEOUT_MS = 30_000;
const REDIRECTS = new Set([301, 302, 303, 307, 308]);
const NULL_BODY = new Set([101, 103, 204, 205, 304]);

/** The customer reads what to do; how an operator would allow the host goes to the log only. */
function refused(host: string, reason: string): StepError {
  logger.info({ host, reason }, 'egress refused; an operator may allow the host with WORKFLOW_EGRESS_ALLOWLIST');
  return new StepError(
    'egress_refused',
    `Refused to connect to ${host}: ${reason}. Levqor does not call private or internal addresses. Use a public address.`,
    false,
    { host },
  );
}

/** Resolves every address of a name and refuses the connection when any of them is blocked. */
function guardedLookup(resolve: LookupFunction, allowlist: Allowlist): LookupFunction {
  return (hostname, options, callback) => {
    const fail = (error: Error) => callback(error as NodeJS.ErrnoException, '', 0);
    const name = checkHostname(hostname, allowlist);
    if (!name.ok) return fail(refused(hostname, name.reason));
    const trusted = isHostAllowlisted(hostname, allowlist);
    resolve(hostname, { ...options, all: true }, (error, result, family) => {
      if (error) return callback(error, '', 0);
      const addresses: LookupAddress[] = Array.isArray(result) ? result : [{ address: result, family: family ?? 4 }];
      if (addresses.length === 0)
        return fail(new StepError('network_error', `${hostname} has no address`, true, { host: hostname }));
      for (const { address } of addresses) {
        const verdict = trusted ? ({ ok: true } as const) : checkAddress(address, allowlist);
        if (!verdict.ok) return fail(refused(hostname, verdict.reason));
      }
      const first = addresses[0] as LookupAddress;
      if (options.all) callback(null, addresses);
      else callback(null, first.address, first.family);
    });
  };
}

const agents = new WeakMap<LookupFunction, Map<string, Agent>>();

function agentFor(lookup: LookupFunction, allowlist: Allowlist, key: string): Agent {
  const byAllowlist = agents.get(lookup) ?? new Map<string, Agent>();
  agents.set(lookup, byAllowlist);
  let agent = byAllowlist.get(key);
  if (!agent) {
    agent = new Agent({
      connect: { lookup: guardedLookup(lookup, allowlist), timeout: 10_000 },
      keepAliveTimeout: 10_000,
    });
    byAllowlist.set(key, agent);
  }
  return agent;
}

function findStepError(error: unknown): StepError | null {
  for (let current = error, depth = 0; current && depth < 5; depth++) {
    if (current instanceof StepError) return current;
    current = (current as { cause?: unknown }).cause;
  }
  return null;
}

function toStepError(
  error: unknown,
  url: URL,
  timeout: AbortSignal,
  timeoutMs: number,
  signal?: AbortSignal | null,
): unknown {
  if (signal?.aborted) return signal.reason ?? error;
  if (timeout.aborted)
    return new StepError('timeout', `${url.host} did not answer within ${timeoutMs} ms`, true, {
      host: url.host,
      timeoutMs,
    });
  const known = findStepError(error);
  if (known) return known;
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  const reason = cause?.code ?? cause?.message ?? (error instanceof Error ? error.message : String(error));
  return new StepError('network_error', `Could not reach ${url.host}: ${reason}`, true, { host: url.host });
}

/** A standard Response whose body errors with `response_too_large` past `maxBytes`. */
function toResponse(response: UndiciResponse, url: URL, maxBytes: number | undefined): Response {
  const headers = new Headers();
  response.headers.forEach((value, name) => headers.append(name, value));
  let body: ReadableStream<Uint8Array> | null = NULL_BODY.has(response.status)
    ? null
    : (response.body as ReadableStream<Uint8Array> | null);
  if (body && maxBytes !== undefined) {
    const tooLarge = () =>
      new StepError('response_too_large', `${url.host} sent more than ${maxBytes} bytes`, false, {
        host: url.host,
        maxBytes,
      });
    if (Number(headers.get('content-length') ?? 0) > maxBytes) {
      void body.cancel().catch(() => undefined);
      throw tooLarge();
    }
    let received = 0;
    body = body.pipeThrough(
      new TransformStream<Uint8Array, Uint8Array>({
        transform(chunk, controller) {
          received += chunk.byteLength;
          if (received > maxBytes) controller.error(tooLarge());
          else controller.enqueue(chunk);
        },
      }),
    );
  }
  const result = new Response(body, { status: response.status, statusText: response.statusText, headers });
  Object.defineProperty(result, 'url', { value: url.toString() });
  return result;
}

export async function guardedFetch(
  url: string,
  init: GuardedFetchInit = {},
  options: GuardedFetchOptions = {},
): Promise<Response> {
  const { timeoutMs = DEFAULT_TIMEOUT_MS, maxResponseBytes, signal, ...requestInit } = init;
  const allowlist = options.allowlist === undefined ? getEnvAllowlist() : parseAllowlist(options.allowlist);
  const allowlistKey =
    options.allowlist === undefined
      ? `env:${getEnv().WORKFLOW_EGRESS_ALLOWLIST}`
      : [options.allowlist].flat().join(',');
  const dispatcher = agentFor(options.lookup ?? (dnsLookup as LookupFunction), allowlist, allowlistKey);
  const timeout = AbortSignal.timeout(timeoutMs);
  const combined = signal ? AbortSignal.any([signal, timeout]) : timeout;
  const headers = new Headers(init.headers);
  let method = (init.method ?? 'GET').toUpperCase();
  let body = init.body;
  let current: URL;
  try {
    current = new URL(url);
  } catch {
    throw new StepError('invalid_url', `${url.slice(0, 100)} is not a valid URL`, false);
  }

  for (let hop = 0; ; hop++) {
    const target = checkTarget(current, allowlist);
    if (!target.ok) throw refused(current.hostname, target.reason);
    let response: UndiciResponse;
    try {
      response = await undiciFetch(current, {
        ...(requestInit as UndiciRequestInit),
        method,
        headers: Object.fromEntries(headers),
        body: body as UndiciRequestInit['body'],
        redirect: 'manual',
        signal: combined,
        dispatcher,
      });
    } catch (error) {
      throw toStepError(error, current, timeout, timeoutMs, signal);
    }
    const location = response.headers.get('location');
    if (!REDIRECTS.has(response.status) || !location) return toResponse(response, current, maxResponseBytes);
    await response.body?.cancel().catch(() => undefined);
    if (hop >= MAX_REDIRECTS)
      throw new StepError(
        'too_many_redirects',
        `${url.slice(0, 100)} redirected more than ${MAX_REDIRECTS} times`,
        false,
      );
    const next = new URL(location, current);
    if (
      response.status === 303
        ? method !== 'HEAD'
        : (response.status === 301 || response.status === 302) && method === 'POST'
    ) {
      method = 'GET';
      body = undefined;
      for (const name of ['content-type', 'content-length', 'content-encoding', 'content-language', 'content-location'])
        headers.delete(name);
    } else if (body instanceof ReadableStream) {
      throw new StepError(
        'redirect_not_followed',
        `${current.host} redirected a streamed request body, which cannot be sent again`,
        false,
      );
    }
    if (next.origin !== current.origin)
      for (const name of ['authorization', 'cookie', 'proxy-authorization']) headers.delete(name);
    current = next;
  }
}
