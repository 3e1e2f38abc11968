// The wrapper of every /api/v1 route: an API key (withApi: auth, rate limit, request id, error model), the
// operation's scope, path parameters, query and body parsed by the operation's schemas, If-Match and Idempotency-Key.
import type { z } from 'zod';
import { getDb } from '@/db';
import type { Db } from '@/db/client';
import { requireScope, type Scope } from '@/lib/auth/scope';
import { AppError } from '@/lib/errors';
import { readJsonBody } from '../read-json-body';
import { type ApiRoute, withApi } from '../with-api';
import { hashRequest, readIdempotencyKey, runIdempotently } from './idempotency';
import type { V1Operation } from './operation';

type Infer<S, Fallback> = S extends z.ZodType ? z.infer<S> : Fallback;

export type V1Context<O extends V1Operation> = {
  req: Request;
  db: Db;
  scope: Scope;
  requestId: string;
  /** Headers added to the response, also when the handler throws. */
  responseHeaders: Record<string, string>;
  params: Infer<O['params'], Record<string, never>>;
  query: Infer<O['query'], undefined>;
  body: Infer<O['body'], undefined>;
  /** The version named by `If-Match` (operations with `ifMatch`), or null when none (or `*`) was sent. */
  ifMatch: number | null;
};

/** A v1 route handler: the wrapped function, carrying its operation for the route ↔ document test. */
export type V1Route = ApiRoute & { operation: V1Operation };

export function withV1<const O extends V1Operation>(
  operation: O,
  handler: (ctx: V1Context<O>) => Promise<Response> | Response,
): V1Route {
  const route = withApi({ auth: 'apiKey', query: operation.query }, async (ctx) => {
    requireScope(ctx.scope, operation.scope);
    const params = operation.params ? parseParams(operation.params, ctx.params) : {};
    const body = operation.body ? operation.body.parse(await readJsonBody(ctx.req, operation.maxBodyBytes)) : undefined;
    const ifMatch = operation.ifMatch ? readIfMatch(ctx.req.headers) : null;
    const db = await getDb();
    const v1 = { ...ctx, db, params, body, ifMatch } as unknown as V1Context<O>;
    const key = operation.idempotent ? readIdempotencyKey(ctx.req.headers) : null;
    if (!key) return handler(v1);
    const { pathname } = new URL(ctx.req.url);
    return runIdempotently(
      db,
      {
        workspaceId: ctx.scope.workspaceId,
        key,
        operationId: operation.operationId,
        requestHash: hashRequest(ctx.req.method, pathname, body),
      },
      async () => handler(v1),
    );
  });
  route.schemas.body = operation.body;
  return Object.assign(route, { operation });
}

/** Path parameters by the operation's schema: a value that does not parse cannot name anything, so 404. */
function parseParams(schema: z.ZodObject, raw: Record<string, string | string[]>) {
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw new AppError('not_found', 'Not found');
  return parsed.data;
}

/** `If-Match: "3"` (or `W/"3"`, or `3`) → 3; `*` or no header → null; anything else is refused by name. */
function readIfMatch(headers: Headers): number | null {
  const value = headers.get('if-match')?.trim();
  if (!value || value === '*') return null;
  const match = /^(?:W\/)?"?(\d{1,9})"?$/.exec(value);
  if (!match)
    throw new AppError('validation_failed', 'The If-Match header must be the ETag of the resource, e.g. "3"', {
      issues: [{ path: 'headers.if-match', message: 'Send the ETag from the last GET', code: 'invalid_string' }],
    });
  return Number(match[1]);
}

/** The strong ETag of a versioned resource. */
export const versionETag = (version: number) => `"${version}"`;
