// The one wrapper every route handler goes through: request id, authentication, rate limit, origin check,
// parsing, error mapping, timing and logs.
import * as Sentry from '@sentry/nextjs';
import { after } from 'next/server';
import type { z } from 'zod';
import type { Scope } from '@/lib/auth/scope';
import { AppError, type ErrorBody, toAppError } from '@/lib/errors';
import { recordRequestTiming } from '@/lib/guardian/request-timings';
import { localizeValidationError } from '@/lib/i18n/localize-validation-error';
import { requestLocale } from '@/lib/i18n/request-locale';
import { logger } from '@/lib/logger';
import { checkOrigin } from './check-origin';
import { textProblem } from './inspect-json';
import { assertStorableJson, readJsonBody } from './read-json-body';
import { requestIdFrom } from './request-id';

/**
 * Who may call a route: anyone; a signed-in user; an API key; either; a platform admin (others get 404);
 * or a signed webhook (the handler verifies the signature on the raw body itself).
 */
export type ApiAuth = 'public' | 'session' | 'apiKey' | 'sessionOrApiKey' | 'admin' | 'signedWebhook';

type RouteContext = { params: Promise<Record<string, string | string[]>> };

type ApiOptions<A extends ApiAuth, B extends z.ZodType | undefined, Q extends z.ZodType | undefined> = {
  auth: A;
  body?: B;
  query?: Q;
  /** Largest accepted request body, in bytes (default 1 MiB). */
  maxBodyBytes?: number;
};

type ScopeFor<A extends ApiAuth> = A extends 'session' | 'apiKey' | 'sessionOrApiKey'
  ? Scope
  : A extends 'admin'
    ? Scope | null
    : undefined;

export type ApiContext<A extends ApiAuth, B, Q> = {
  req: Request;
  requestId: string;
  params: Record<string, string | string[]>;
  scope: ScopeFor<A>;
  /** The signed-in user's id on session and admin routes. */
  userId: string | null;
  /** Headers added to the response, also when the handler throws (e.g. Retry-After beside a 429). */
  responseHeaders: Record<string, string>;
  body: B extends z.ZodType ? z.infer<B> : undefined;
  query: Q extends z.ZodType ? z.infer<Q> : undefined;
};

/** A wrapped handler, carrying its auth class and schemas so tests (and the API document) can read them. */
export type ApiRoute = ((req: Request, context?: RouteContext) => Promise<Response>) & {
  auth: ApiAuth;
  schemas: { body?: z.ZodType; query?: z.ZodType };
};

export function withApi<
  A extends ApiAuth,
  B extends z.ZodType | undefined = undefined,
  Q extends z.ZodType | undefined = undefined,
>(options: ApiOptions<A, B, Q>, handler: (ctx: ApiContext<A, B, Q>) => Promise<Response> | Response): ApiRoute {
  async function route(req: Request, context?: RouteContext): Promise<Response> {
    const startedAt = performance.now();
    const requestId = requestIdFrom(req.headers);
    const extraHeaders: Record<string, string> = { 'x-request-id': requestId };
    let response: Response;
    try {
      const caller =
        options.auth === 'public' || options.auth === 'signedWebhook'
          ? null
          : await authorize(options.auth, req, extraHeaders);
      const params = checkParams((await context?.params) ?? {});
      const url = new URL(req.url);
      const query = options.query ? options.query.parse(checkQuery(url.searchParams)) : undefined;
      const body = options.body ? options.body.parse(await readJsonBody(req, options.maxBodyBytes)) : undefined;
      response = await handler({
        req,
        requestId,
        params,
        body,
        query,
        scope: caller?.scope,
        userId: caller?.userId ?? null,
        responseHeaders: extraHeaders,
      } as ApiContext<A, B, Q>);
    } catch (thrown) {
      response = await errorResponse(thrown, req, requestId);
    }
    const durationMs = performance.now() - startedAt;
    extraHeaders['server-timing'] = `app;dur=${durationMs.toFixed(1)}`;
    const path = new URL(req.url).pathname;
    logger.info(
      {
        method: req.method,
        path,
        status: response.status,
        duration_ms: Math.round(durationMs * 10) / 10,
        request_id: requestId,
      },
      'request',
    );
    recordRequestTiming(req.method, path, response.status, durationMs);
    return withHeaders(response, extraHeaders);
  }
  return Object.assign(route, { auth: options.auth, schemas: { body: options.body, query: options.query } });
}

async function authorize(
  mode: Exclude<ApiAuth, 'public' | 'signedWebhook'>,
  req: Request,
  headers: Record<string, string>,
) {
  const { authenticateApiKey, authenticateSession } = await import('./authenticate');
  const { consumeRateLimit, rateLimitHeaders, rateLimitPolicies } = await import('./rate-limit');
  const bearer = req.headers.get('authorization')?.startsWith('Bearer ');
  if (mode === 'apiKey' && !bearer)
    throw new AppError('unauthorized', 'Send an API key: Authorization: Bearer lvq_live_…');
  const viaKey = bearer && (mode === 'apiKey' || mode === 'sessionOrApiKey');
  if (!viaKey) checkOrigin(req);
  const caller = viaKey ? await authenticateApiKey(req) : await authenticateSession();
  if (!caller) throw new AppError('unauthorized', 'Sign in to continue');
  if (mode === 'admin' && !caller.isAdmin) throw new AppError('not_found', 'Not found');
  if (mode !== 'admin' && !caller.scope) throw new AppError('forbidden', 'You are not a member of an active workspace');
  if (caller.rateLimitKey) {
    const { getDb } = await import('@/db');
    const db = await getDb();
    const limit = await consumeRateLimit(db, caller.rateLimitKey, rateLimitPolicies.api);
    Object.assign(headers, rateLimitHeaders(limit));
    if (!limit.allowed)
      throw new AppError('rate_limited', `Too many requests; try again in ${limit.retryAfterSeconds} s`);
    // An API-key request counts towards the workspace's metered API calls (buffered in memory, written per minute).
    if (viaKey && caller.scope) {
      const { recordUsage } = await import('@/lib/billing/record-usage');
      await recordUsage(db, caller.scope.workspaceId, 'api_calls');
    }
  }
  return { scope: caller.scope, userId: caller.userId };
}

/** A path segment with a NUL character or a lone surrogate cannot name anything: 404, never a database error. */
function checkParams(params: Record<string, string | string[]>): Record<string, string | string[]> {
  for (const value of Object.values(params)) {
    if ((Array.isArray(value) ? value : [value]).some((segment) => textProblem(segment)))
      throw new AppError('not_found', 'Not found');
  }
  return params;
}

/** Query values Postgres could not store are refused by name, before any schema or handler sees them. */
function checkQuery(searchParams: URLSearchParams): Record<string, string> {
  const query = Object.fromEntries(searchParams);
  assertStorableJson(query, 'query');
  return query;
}

/** A Postgres data exception (SQLSTATE class 22: bad text, a number or date out of range) is the caller's input. */
function isDataException(thrown: unknown): boolean {
  const code = (thrown as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^22[0-9A-Z]{3}$/.test(code) && thrown instanceof Error && 'severity' in thrown;
}

async function errorResponse(thrown: unknown, req: Request, requestId: string): Promise<Response> {
  // NOTE: a client that went away mid-request (navigation, a superseded fetch) is not a server error.
  const dataException = isDataException(thrown);
  if (dataException) logger.warn({ err: thrown, request_id: requestId }, 'database refused a value from the request');
  const error =
    req.signal.aborted && !(thrown instanceof AppError)
      ? new AppError('bad_request', 'The request was aborted by the client')
      : dataException
        ? new AppError('validation_failed', 'A value in the request is out of range or cannot be stored')
        : toAppError(thrown);
  if (error.code === 'internal_error') {
    logger.error(
      { err: thrown, request_id: requestId, path: new URL(req.url).pathname },
      'unhandled error in route handler',
    );
    Sentry.captureException(thrown, { tags: { request_id: requestId } });
    recordError(req, requestId, thrown);
  }
  // Validation issues are answered in the reader's language; code, path and params stay machine-readable.
  const { message, details } = await localizeValidationError(error, requestLocale(req)).catch(() => error);
  const body: ErrorBody = { error: { code: error.code, message } };
  if (details !== undefined) body.error.details = details;
  if (error.code === 'internal_error') body.error.request_id = requestId;
  return Response.json(body, { status: error.status });
}

/** Adds headers, copying the response only when its headers are immutable (redirects, fetched responses). */
function withHeaders(response: Response, extra: Record<string, string>): Response {
  try {
    for (const [name, value] of Object.entries(extra)) response.headers.set(name, value);
    return response;
  } catch {
    const headers = new Headers(response.headers);
    for (const [name, value] of Object.entries(extra)) headers.set(name, value);
    return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
  }
}

/** Stores the error for heartbeat and guardian once the response has been sent. */
function recordError(req: Request, requestId: string, thrown: unknown): void {
  const task = async () => {
    const [{ getDb }, { logError }] = await Promise.all([import('@/db'), import('@/lib/guardian/telemetry')]);
    await logError(await getDb(), {
      name: 'api.unhandled_error',
      message: thrown instanceof Error ? thrown.message : String(thrown),
      path: new URL(req.url).pathname,
      status: 500,
      request_id: requestId,
    });
  };
  try {
    after(() => task().catch((error: unknown) => logger.warn({ err: error }, 'could not record error telemetry')));
  } catch {
    // NOTE: after() throws outside a Next request (unit tests calling a handler directly): the log line above is the record.
  }
}
