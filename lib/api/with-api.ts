// The one wrapper every route handler goes through: request id, parsing, error mapping, timing and logs.
import * as Sentry from '@sentry/nextjs';
import { after } from 'next/server';
import type { z } from 'zod';
import { AppError, type ErrorBody, toAppError } from '@/lib/errors';
import { logger } from '@/lib/logger';
import { readJsonBody } from './read-json-body';
import { requestIdFrom } from './request-id';

/** Who may call a route. Session, API-key, admin and signed-webhook routes arrive with the accounts issue. */
export type ApiAuth = 'public';

type RouteContext = { params: Promise<Record<string, string | string[]>> };

type ApiOptions<B extends z.ZodType | undefined, Q extends z.ZodType | undefined> = {
  auth: ApiAuth;
  body?: B;
  query?: Q;
  /** Largest accepted request body, in bytes (default 1 MiB). */
  maxBodyBytes?: number;
};

export type ApiContext<B, Q> = {
  req: Request;
  requestId: string;
  params: Record<string, string | string[]>;
  body: B extends z.ZodType ? z.infer<B> : undefined;
  query: Q extends z.ZodType ? z.infer<Q> : undefined;
};

export function withApi<B extends z.ZodType | undefined = undefined, Q extends z.ZodType | undefined = undefined>(
  options: ApiOptions<B, Q>,
  handler: (ctx: ApiContext<B, Q>) => Promise<Response> | Response,
) {
  return async function route(req: Request, context?: RouteContext): Promise<Response> {
    const startedAt = performance.now();
    const requestId = requestIdFrom(req.headers);
    let response: Response;
    try {
      const url = new URL(req.url);
      const query = options.query ? options.query.parse(Object.fromEntries(url.searchParams)) : undefined;
      const body = options.body ? options.body.parse(await readJsonBody(req, options.maxBodyBytes)) : undefined;
      const params = (await context?.params) ?? {};
      response = await handler({ req, requestId, params, body, query } as ApiContext<B, Q>);
    } catch (thrown) {
      response = errorResponse(thrown, req, requestId);
    }
    const durationMs = performance.now() - startedAt;
    logger.info({ method: req.method, path: new URL(req.url).pathname, status: response.status, duration_ms: Math.round(durationMs * 10) / 10, request_id: requestId }, 'request');
    return withHeaders(response, { 'x-request-id': requestId, 'server-timing': `app;dur=${durationMs.toFixed(1)}` });
  };
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

function errorResponse(thrown: unknown, req: Request, requestId: string): Response {
  const error = toAppError(thrown);
  if (error.code === 'internal_error') {
    logger.error({ err: thrown, request_id: requestId, path: new URL(req.url).pathname }, 'unhandled error in route handler');
    Sentry.captureException(thrown, { tags: { request_id: requestId } });
    recordError(req, requestId, thrown);
  }
  const body: ErrorBody = { error: { code: error.code, message: error.message } };
  if (error.details !== undefined) body.error.details = error.details;
  if (error.code === 'internal_error') body.error.request_id = requestId;
  const headers = error instanceof AppError && error.code === 'method_not_allowed' ? { allow: String(error.details ?? '') } : undefined;
  return Response.json(body, { status: error.status, headers });
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
