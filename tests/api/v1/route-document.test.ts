// Every /api/v1 route is an operation of the OpenAPI document and every operation is a route, at the same path
// and method; the document names each operation once and lists every error code the code base can raise.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import type { V1Route } from '@/lib/api/v1/with-v1';
import { createApiDocument } from '@/lib/openapi/create-api-document';
import { errorCodeDescriptions } from '@/lib/openapi/error-codes';
import { v1Operations } from '@/lib/openapi/operations';
import { errorStatus } from '@/lib/errors';

vi.mock('@/db', () => ({ getDb: vi.fn(), getDbOrNull: vi.fn() }));

const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? walk(path.join(dir, entry.name)) : [path.join(dir, entry.name)],
  );
}

/** `app/api/v1/workflows/[id]/route.ts` → `/api/v1/workflows/{id}`. */
const pathOf = (file: string) =>
  file
    .replace(/^app/, '')
    .replace(/\/route\.ts$/, '')
    .replace(/\[([^\]]+)\]/g, '{$1}');

const routeFiles = walk('app/api/v1')
  .map((file) => file.split(path.sep).join('/'))
  .filter((file) => file.endsWith('/route.ts'));

async function routeOperations() {
  const found: { file: string; method: string; route: V1Route }[] = [];
  for (const file of routeFiles) {
    const routeModule = (await import(/* @vite-ignore */ `@/${file}`)) as Record<string, V1Route>;
    for (const method of METHODS) {
      const route = routeModule[method];
      if (route && !(route as { methodNotAllowed?: boolean }).methodNotAllowed) found.push({ file, method, route });
    }
  }
  return found;
}

describe('API v1 routes and the OpenAPI document', () => {
  it('has routes to check', () => {
    expect(routeFiles.length).toBeGreaterThan(0);
  });

  it('builds every route handler from an operation at its own path and method', async () => {
    for (const { file, method, route } of await routeOperations()) {
      expect(route.operation, `${method} ${file} is not built with withV1`).toBeDefined();
      expect(route.auth, `${method} ${file}`).toBe('apiKey');
      expect(route.operation.method, `${method} ${file}`).toBe(method.toLowerCase());
      expect(route.operation.path, `${method} ${file}`).toBe(pathOf(file));
      expect(v1Operations, `${route.operation.operationId} is not in the document's list`).toContain(route.operation);
    }
  });

  it('serves every operation of the document from a route', async () => {
    const served = new Set((await routeOperations()).map(({ route }) => route.operation));
    const unserved = v1Operations.filter((operation) => !served.has(operation)).map((op) => op.operationId);
    expect(unserved).toEqual([]);
  });

  it('lists each operation once, with a unique id, and nothing in the document that is not an operation', () => {
    const ids = v1Operations.map((operation) => operation.operationId);
    expect(new Set(ids).size).toBe(ids.length);
    const keys = v1Operations.map((operation) => `${operation.method} ${operation.path}`);
    expect(new Set(keys).size).toBe(keys.length);
    const document = createApiDocument('https://levqor.app');
    const documented = Object.entries(document.paths ?? {}).flatMap(([documentPath, item]) =>
      Object.keys(item as object)
        .filter((key) => METHODS.map((m) => m.toLowerCase()).includes(key))
        .map((method) => `${method} ${documentPath}`),
    );
    expect(documented.sort()).toEqual(keys.sort());
  });

  it('answers every other method with the 405 error body and an Allow header', async () => {
    for (const file of routeFiles) {
      const routeModule = (await import(/* @vite-ignore */ `@/${file}`)) as Record<string, V1Route | undefined>;
      const served = METHODS.filter((method) => routeModule[method] && !('methodNotAllowed' in routeModule[method]!));
      for (const method of METHODS.filter((m) => !served.includes(m))) {
        const handler = routeModule[method];
        expect(handler, `${file} does not answer ${method} (use otherMethods)`).toBeDefined();
        const response = await handler!(new Request(`http://levqor.test${pathOf(file)}`, { method }), {
          params: Promise.resolve({}),
        });
        expect(response.status).toBe(405);
        expect((await response.json()).error.code).toBe('method_not_allowed');
        expect(response.headers.get('allow')).toContain(served[0]);
      }
    }
  });

  it('declares path parameters for every {name} in a path, and no others', () => {
    for (const operation of v1Operations) {
      const inPath = [...operation.path.matchAll(/\{([^}]+)\}/g)].map((match) => match[1]).sort();
      const declared = Object.keys(operation.params?.shape ?? {}).sort();
      expect(declared, operation.operationId).toEqual(inPath);
    }
  });

  it('describes every error code the code base has', () => {
    expect(Object.keys(errorCodeDescriptions).sort()).toEqual(Object.keys(errorStatus).sort());
  });
});
