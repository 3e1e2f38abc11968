// Contract checks of the public API: a real response of a v1 route is validated against the schema the OpenAPI
// document gives for its operation and status (Ajv, JSON Schema 2020-12 as OpenAPI 3.1 uses). Each suite records what
// it checked and, at the end, fails if an operation's documented answer was never produced.
/* eslint-disable @typescript-eslint/no-explicit-any -- a checked body has the shape its schema says; tests read it freely */
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import type { Kysely } from 'kysely';
import { expect } from 'vitest';
import type { ApiKeyScope, Database, Role } from '@/db/types';
import { createApiKey } from '@/lib/api-keys/create-api-key';
import { seedMember } from '../accounts/seed';
import type { V1Operation } from '@/lib/api/v1/operation';
import type { V1Route } from '@/lib/api/v1/with-v1';
import { createApiDocument, operationErrorCodes } from '@/lib/openapi/create-api-document';
import { v1Operations } from '@/lib/openapi/operations';
import { type ErrorCode, errorStatus } from '@/lib/errors';
import { request as buildRequest, TEST_ORIGIN } from './route-request';

export const document = createApiDocument(TEST_ORIGIN);

const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats(ajv);
ajv.addSchema(document as object, 'openapi');

const pointer = (...parts: string[]) => parts.map((part) => part.replaceAll('~', '~0').replaceAll('/', '~1')).join('/');

export function operationById(operationId: string): V1Operation {
  const operation = v1Operations.find((candidate) => candidate.operationId === operationId);
  if (!operation) throw new Error(`no operation ${operationId}`);
  return operation;
}

/** What the common suite (contract-common) produces for every operation; resource suites cover the rest. */
export function commonCodes(operation: V1Operation): ErrorCode[] {
  const codes: ErrorCode[] = ['unauthorized', 'forbidden', 'rate_limited'];
  if (operation.params) codes.push('not_found');
  if (operation.body) codes.push('bad_request', 'payload_too_large', 'unsupported_media_type', 'validation_failed');
  if (operation.query && 'limit' in operation.query.shape) codes.push('validation_failed');
  return [...new Set(codes)];
}

/** Records checked answers: `success:<status>` and error codes, per operation. */
export function contractSuite() {
  const seen = new Map<string, Set<string>>();

  /** Validates `response` against the document and returns its parsed JSON body (null when it has none). */
  async function check(operationId: string, response: Response): Promise<any> {
    const operation = operationById(operationId);
    const status = String(response.status);
    const documented = (document.paths?.[operation.path] as any)?.[operation.method]?.responses?.[status];
    const text = await response.text();
    expect(
      documented,
      `${operationId} answered ${status}, which its document does not list: ${text.slice(0, 300)}`,
    ).toBeDefined();
    expect(response.headers.get('x-request-id'), `${operationId} ${status} has no X-Request-Id`).toBeTruthy();
    const contentTypes = Object.keys(documented.content ?? {});
    let body: any = null;
    if (contentTypes.length === 0) {
      expect(text, `${operationId} ${status} should have no body`).toBe('');
    } else {
      const contentType = contentTypes.find((type) => (response.headers.get('content-type') ?? '').startsWith(type));
      expect(
        contentType,
        `${operationId} ${status} content-type ${response.headers.get('content-type')}`,
      ).toBeDefined();
      if (contentType === 'application/json') {
        body = JSON.parse(text);
        const ref = `openapi#/${pointer('paths', operation.path, operation.method, 'responses', status, 'content', contentType, 'schema')}`;
        const validate = ajv.getSchema(ref) ?? ajv.compile({ $ref: ref });
        const valid = validate(body);
        expect(
          valid,
          `${operationId} ${status} does not match its schema: ${ajv.errorsText(validate.errors)}\n${text.slice(0, 500)}`,
        ).toBe(true);
      } else body = text;
    }
    const key = response.status < 300 ? `success:${status}` : (body?.error?.code as string);
    if (response.status >= 300) {
      expect(operationErrorCodes(operation), `${operationId} answered the undocumented code ${key}`).toContain(key);
      expect(errorStatus[key as ErrorCode]).toBe(response.status);
    }
    if (!seen.has(operationId)) seen.set(operationId, new Set());
    seen.get(operationId)!.add(key);
    return body;
  }

  /** Fails for every answer of `operations` (success statuses and their own error codes) this suite never saw. */
  function expectCovered(operations: readonly V1Operation[], which: 'own' | 'common') {
    const missing: string[] = [];
    for (const operation of operations) {
      const common = commonCodes(operation);
      const wanted =
        which === 'common'
          ? common
          : [
              ...Object.keys(operation.responses).map((status) => `success:${status}`),
              ...operationErrorCodes(operation).filter((code) => !common.includes(code)),
            ];
      for (const key of wanted)
        if (!seen.get(operation.operationId)?.has(key)) missing.push(`${operation.operationId} ${key}`);
    }
    expect(missing, 'documented answers no contract test produced').toEqual([]);
  }

  return { check, expectCovered };
}

/** Calls a v1 route handler as Next would: the request and its path parameters. */
export function callRoute(
  route: V1Route,
  path: string,
  init: Parameters<typeof buildRequest>[1] & { params?: Record<string, string> } = {},
): Promise<Response> {
  const { params, ...rest } = init;
  return route(buildRequest(path, rest), { params: Promise.resolve(params ?? {}) });
}

/** All operations of a tag (a resource suite's share). */
export const operationsOfTag = (tag: V1Operation['tag']) => v1Operations.filter((operation) => operation.tag === tag);

/**
 * An owner of a new workspace with API keys of each kind. Keys share the 60-a-minute limit: a suite that sends more
 * calls `resetRateLimits` between tests.
 */
export async function seedApiCaller(db: Kysely<Database>, role: Role = 'owner') {
  const member = await seedMember(db, role);
  const make = async (scopes: ApiKeyScope[]) =>
    (await createApiKey(db, member.scope, { name: scopes.join('-'), scopes })).key;
  return {
    ...member,
    keys: {
      full: await make(['read', 'write', 'admin']),
      read: await make(['read']),
      write: await make(['read', 'write']),
    },
  };
}

export async function resetRateLimits(db: Kysely<Database>): Promise<void> {
  await db.deleteFrom('rate_limits').execute();
}
