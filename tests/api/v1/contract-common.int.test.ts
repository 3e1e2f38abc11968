// The answers every v1 operation shares, checked against the document for each one: 401 without a key, 403 for a
// key without the scope, 429 past the rate limit, 404 for a path parameter that names nothing, and for bodies 400,
// 413, 415 and 422. Runs on PGlite, and on PostgreSQL in CI.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, it, vi } from 'vitest';
import type { ApiKeyScope } from '@/db/types';
import { createApiKey } from '@/lib/api-keys/create-api-key';
import { rateLimitPolicies } from '@/lib/api/rate-limit';
import type { V1Operation } from '@/lib/api/v1/operation';
import type { V1Route } from '@/lib/api/v1/with-v1';
import { v1Operations } from '@/lib/openapi/operations';
import { seedMember } from '../../accounts/seed';
import { database } from '../../helpers/route-request';
import { createTestDb, type TestDb } from '../../helpers/test-db';
import { callRoute, contractSuite } from '../../helpers/v1-contract';

vi.mock('@/db', async () => (await import('../../helpers/route-request')).dbModule());

let test: TestDb;
let limitedKeyId: string;
const keys: Partial<Record<'full' | 'readOnly' | 'writeOnly' | 'noAdmin' | 'limited', string>> = {};
const suite = contractSuite();

beforeAll(async () => {
  test = await createTestDb();
  database.current = test;
  const owner = await seedMember(test.db, 'owner');
  const make = async (name: string, scopes: ApiKeyScope[]) =>
    (await createApiKey(test.db, owner.scope, { name, scopes })).key;
  keys.full = await make('full', ['read', 'write', 'admin']);
  keys.readOnly = await make('read', ['read']);
  keys.writeOnly = await make('write', ['write']);
  keys.noAdmin = await make('read-write', ['read', 'write']);
  keys.limited = await make('limited', ['read', 'write', 'admin']);
  const limited = await test.db
    .selectFrom('api_keys')
    .select('id')
    .where('name', '=', 'limited')
    .executeTakeFirstOrThrow();
  limitedKeyId = limited.id;
  // NOTE: the limit counts per window; fill this window and the next 30, so a slow run crossing a boundary stays limited.
  const windowMs = rateLimitPolicies.api.windowSeconds * 1000;
  const current = Math.floor(Date.now() / windowMs) * windowMs;
  await test.db
    .insertInto('rate_limits')
    .values(
      Array.from({ length: 31 }, (_, index) => ({
        key: `api-key:${limited.id}`,
        window_start: new Date(current + index * windowMs),
        count: rateLimitPolicies.api.limit,
      })),
    )
    .execute();
});

// The other keys send hundreds of requests: their windows start afresh for each test.
beforeEach(async () => {
  await test.db.deleteFrom('rate_limits').where('key', '!=', `api-key:${limitedKeyId}`).execute();
});

afterAll(async () => {
  suite.expectCovered(v1Operations, 'common');
  await test?.close();
});

async function routeOf(operation: V1Operation): Promise<V1Route> {
  const file = `app${operation.path.replace(/\{([^}]+)\}/g, '[$1]')}/route.ts`;
  const routeModule = (await import(/* @vite-ignore */ `@/${file}`)) as Record<string, V1Route>;
  return routeModule[operation.method.toUpperCase()]!;
}

/** Path parameters that pass the operation's schema (they need not name anything). */
function sampleParams(operation: V1Operation): Record<string, string> {
  const shape = operation.params?.shape ?? {};
  return Object.fromEntries(
    Object.entries(shape).map(([name, schema]) => [
      name,
      [randomUUID(), '1', 'sample'].find(
        (value) => (schema as { safeParse: (v: unknown) => { success: boolean } }).safeParse(value).success,
      ) ?? 'sample',
    ]),
  );
}

const urlOf = (operation: V1Operation, params: Record<string, string>) =>
  operation.path.replace(/\{([^}]+)\}/g, (_, name: string) => encodeURIComponent(params[name]!));

/** A key that lacks the operation's scope. */
const keyWithout = (scope: ApiKeyScope) =>
  (scope === 'read' ? keys.writeOnly : scope === 'write' ? keys.readOnly : keys.noAdmin)!;

describe.each(
  v1Operations.map((operation) => [`${operation.method.toUpperCase()} ${operation.path}`, operation] as const),
)('%s', (_, operation) => {
  const method = operation.method.toUpperCase();
  const params = sampleParams(operation);
  const url = urlOf(operation, params);
  const body = operation.body ? { json: operation.requestExample ?? {} } : {};

  it('answers 401 without an API key', async () => {
    await suite.check(
      operation.operationId,
      await callRoute(await routeOf(operation), url, { method, params, ...body }),
    );
  });

  it('answers 403 to a key without the scope', async () => {
    const response = await callRoute(await routeOf(operation), url, {
      method,
      params,
      key: keyWithout(operation.scope),
      ...body,
    });
    await suite.check(operation.operationId, response);
  });

  it('answers 429 with Retry-After past the rate limit', async () => {
    const response = await callRoute(await routeOf(operation), url, { method, params, key: keys.limited, ...body });
    if (!response.headers.get('retry-after')) throw new Error('429 without Retry-After');
    await suite.check(operation.operationId, response);
  });

  if (operation.params)
    it('answers 404 to a path parameter that cannot name anything', async () => {
      const bad = Object.fromEntries(Object.keys(params).map((name) => [name, 'no\u0000such']));
      await suite.check(
        operation.operationId,
        await callRoute(await routeOf(operation), url, { method, params: bad, key: keys.full, ...body }),
      );
    });

  if (operation.query && 'limit' in operation.query.shape)
    it('answers 422 naming the field to a bad query value', async () => {
      const response = await callRoute(await routeOf(operation), `${url}?limit=0`, { method, params, key: keys.full });
      await suite.check(operation.operationId, response);
    });

  if (operation.body) {
    it('answers 415 to a body that is not JSON', async () => {
      const response = await callRoute(await routeOf(operation), url, {
        method,
        params,
        key: keys.full,
        body: 'a=1',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
      });
      await suite.check(operation.operationId, response);
    });
    it('answers 400 to broken JSON', async () => {
      const response = await callRoute(await routeOf(operation), url, {
        method,
        params,
        key: keys.full,
        body: '{"a":',
      });
      await suite.check(operation.operationId, response);
    });
    it('answers 413 to a body over the limit', async () => {
      const size = (operation.maxBodyBytes ?? 1024 * 1024) + 1;
      const response = await callRoute(await routeOf(operation), url, {
        method,
        params,
        key: keys.full,
        body: JSON.stringify({ padding: 'x'.repeat(size) }),
      });
      await suite.check(operation.operationId, response);
    });
    it('answers 422 to a body of the wrong shape', async () => {
      const response = await callRoute(await routeOf(operation), url, { method, params, key: keys.full, json: [] });
      await suite.check(operation.operationId, response);
    });
  }
});
