// The OpenAPI 3.1 document of the public API, generated from the v1 operations and their zod schemas (zod-openapi).
import { createDocument, type ZodOpenApiOperationObject, type ZodOpenApiResponsesObject } from 'zod-openapi';
import { z } from 'zod';
import { type V1Operation, v1Tags } from '@/lib/api/v1/operation';
import { errorBodySchema, idempotencyKeyHeader } from '@/lib/api/v1/schemas';
import { type ErrorCode, errorStatus } from '@/lib/errors';
import { errorCodeDescriptions } from './error-codes';
import { apiDescription } from './api-description';
import { v1Operations } from './operations';

export const API_VERSION = '1.0.0';

/** The error codes an operation can answer with: the common ones, those its inputs imply, and its own. */
export function operationErrorCodes(operation: V1Operation): ErrorCode[] {
  const codes = new Set<ErrorCode>(['unauthorized', 'forbidden', 'rate_limited']);
  if (operation.params) codes.add('not_found');
  if (operation.query || operation.body) codes.add('validation_failed');
  if (operation.body)
    ['bad_request', 'payload_too_large', 'unsupported_media_type'].forEach((c) => codes.add(c as ErrorCode));
  if (operation.idempotent)
    ['idempotency_key_in_use', 'idempotency_key_reused'].forEach((c) => codes.add(c as ErrorCode));
  if (operation.ifMatch) ['precondition_failed', 'validation_failed'].forEach((c) => codes.add(c as ErrorCode));
  for (const code of operation.errors ?? []) codes.add(code);
  return [...codes];
}

const rateLimitHeaders = {
  'X-Request-Id': { $ref: '#/components/headers/X-Request-Id' },
  'RateLimit-Limit': { $ref: '#/components/headers/RateLimit-Limit' },
  'RateLimit-Remaining': { $ref: '#/components/headers/RateLimit-Remaining' },
  'RateLimit-Reset': { $ref: '#/components/headers/RateLimit-Reset' },
};

function errorResponses(operation: V1Operation): ZodOpenApiResponsesObject {
  const byStatus = new Map<number, ErrorCode[]>();
  for (const code of operationErrorCodes(operation)) {
    const status = errorStatus[code];
    byStatus.set(status, [...(byStatus.get(status) ?? []), code]);
  }
  return Object.fromEntries(
    [...byStatus].map(([status, codes]) => [
      String(status),
      {
        description: codes.map((code) => `\`${code}\`: ${errorCodeDescriptions[code]}`).join('\n\n'),
        headers:
          status === 429
            ? { ...rateLimitHeaders, 'Retry-After': { $ref: '#/components/headers/Retry-After' } }
            : rateLimitHeaders,
        content: { 'application/json': { schema: errorBodySchema } },
      },
    ]),
  );
}

function toOperationObject(operation: V1Operation): ZodOpenApiOperationObject {
  const headers: Record<string, z.ZodType> = {};
  if (operation.idempotent) headers['Idempotency-Key'] = idempotencyKeyHeader.optional();
  if (operation.ifMatch)
    headers['If-Match'] = z.string().optional().meta({
      description: 'The ETag of the version you read: the update is refused (412) if it has moved on',
      example: '"3"',
    });
  const success = Object.fromEntries(
    Object.entries(operation.responses).map(([status, response]) => [
      status,
      {
        description: response!.description,
        headers: response!.headers ? response!.headers : rateLimitHeaders,
        ...(response!.schema
          ? {
              content: {
                [response!.contentType ?? 'application/json']: {
                  schema: response!.schema,
                  ...(response!.example !== undefined ? { example: response!.example } : {}),
                },
              },
            }
          : {}),
      },
    ]),
  );
  return {
    operationId: operation.operationId,
    summary: operation.summary,
    description: [operation.description, `Needs the \`${operation.scope}\` scope.`].filter(Boolean).join('\n\n'),
    tags: [operation.tag],
    'x-levqor-scope': operation.scope,
    requestParams: {
      ...(operation.params ? { path: operation.params } : {}),
      ...(operation.query ? { query: operation.query } : {}),
      ...(Object.keys(headers).length ? { header: z.object(headers) } : {}),
    },
    ...(operation.body
      ? {
          requestBody: {
            required: true,
            content: {
              'application/json': {
                schema: operation.body,
                ...(operation.requestExample !== undefined ? { example: operation.requestExample } : {}),
              },
            },
          },
        }
      : {}),
    responses: { ...success, ...errorResponses(operation) },
  } as ZodOpenApiOperationObject;
}

let cached: { serverUrl: string; document: ReturnType<typeof createDocument> } | null = null;

/** The document, with `serverUrl` (the app's origin) as its server. Built once per server URL. */
export function createApiDocument(serverUrl: string, operations: readonly V1Operation[] = v1Operations) {
  if (cached && cached.serverUrl === serverUrl && operations === v1Operations) return cached.document;
  const paths: Record<string, Record<string, ZodOpenApiOperationObject>> = {};
  for (const operation of operations) (paths[operation.path] ??= {})[operation.method] = toOperationObject(operation);
  const integerHeader = (description: string) => ({ description, schema: { type: 'integer' as const } });
  const document = createDocument({
    openapi: '3.1.0',
    info: {
      title: 'Levqor API',
      version: API_VERSION,
      description: apiDescription(),
      contact: { name: 'Levqor support', url: new URL('/docs/api', serverUrl).toString() },
      license: { name: 'Proprietary', identifier: 'LicenseRef-Levqor' },
    },
    servers: [{ url: serverUrl }],
    security: [{ apiKey: [] }],
    tags: Object.entries(v1Tags)
      .filter(([name]) => operations.some((operation) => operation.tag === name))
      .map(([name, description]) => ({ name, description })),
    paths,
    components: {
      securitySchemes: {
        apiKey: {
          type: 'http',
          scheme: 'bearer',
          bearerFormat: 'lvq_live_…',
          description:
            'An API key from Settings → API keys, as `Authorization: Bearer lvq_live_…`. Scopes: read, write, admin.',
        },
      },
      headers: {
        'X-Request-Id': { description: 'The id of this request in our logs', schema: { type: 'string' } },
        'RateLimit-Limit': integerHeader('Requests allowed in the current window'),
        'RateLimit-Remaining': integerHeader('Requests left in the current window'),
        'RateLimit-Reset': integerHeader('Seconds until the window resets'),
        'Retry-After': integerHeader('Seconds to wait before retrying'),
      },
    },
  });
  if (operations === v1Operations) cached = { serverUrl, document };
  return document;
}
