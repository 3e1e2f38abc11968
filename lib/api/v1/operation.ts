// One public API v1 operation, declared once: the route is built from it (withV1) and so is the OpenAPI document.
import type { z } from 'zod';
import type { ApiKeyScope } from '@/db/types';
import type { ErrorCode } from '@/lib/errors';

export type V1Method = 'get' | 'post' | 'put' | 'patch' | 'delete';

/** The resource groups of the document, in order, with what each is for. */
export const v1Tags = {
  Workflows: 'Automations: a trigger and steps. Create, version, validate, enable, export and import them.',
  Runs: 'One execution of a workflow: trigger one, follow its steps, wait for its result, cancel or replay it.',
  Approvals: 'Runs paused at an approval step, waiting for a person to approve or reject.',
  'Failure queue': 'Failed runs not yet dealt with; replay them once the cause is fixed.',
  Templates: 'Ready-made workflows to start from.',
  Backups: 'Snapshots stored by backup steps, with their checksums; download and verify them.',
  Connections: 'Saved credentials that steps name; their secrets are never returned.',
  Webhooks: 'Event subscriptions: Levqor calls your URL when runs finish, approvals wait or backups fail checks.',
} as const;
export type V1Tag = keyof typeof v1Tags;

export type V1Response = {
  description: string;
  /** The body's schema (omit for 204). */
  schema?: z.ZodType;
  /** Default `application/json`. */
  contentType?: string;
  /** Response headers this status sets, beyond the common ones (X-Request-Id, RateLimit-*). */
  headers?: z.ZodObject;
  example?: unknown;
};

export type V1Operation = {
  /** camelCase verb + noun, unique: `listWorkflows`. Also the MCP tool's and the contract test's key. */
  operationId: string;
  method: V1Method;
  /** OpenAPI path template: `/api/v1/workflows/{id}`; it must match the route file's folder. */
  path: `/api/v1/${string}`;
  tag: V1Tag;
  summary: string;
  description?: string;
  /** The API-key scope the call needs (an `admin` key passes every check). */
  scope: ApiKeyScope;
  /** Path parameters; a value that does not parse is a 404 (it cannot name anything). */
  params?: z.ZodObject;
  query?: z.ZodObject;
  body?: z.ZodType;
  /** Largest accepted body in bytes (default 1 MiB). */
  maxBodyBytes?: number;
  /** A POST that creates something: an `Idempotency-Key` header replays the first success instead of repeating it. */
  idempotent?: boolean;
  /** An update that honours `If-Match: "<version>"` (412 when the resource has moved on). */
  ifMatch?: boolean;
  /** Successful answers by status. */
  responses: Partial<Record<200 | 201 | 202 | 204, V1Response>>;
  /** Errors this operation raises beyond the common ones (401, 403, 429, and 400/404/413/415/422 where inputs exist). */
  errors?: readonly ErrorCode[];
  /** An example request body for the document. */
  requestExample?: unknown;
};

/** Declares an operation (a typed identity: the object is the declaration). */
export function defineOperation<const O extends V1Operation>(operation: O): O {
  return operation;
}
