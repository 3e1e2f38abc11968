// zod building blocks every v1 resource shares: ids, times, the page envelope, the error body and the v1 headers.
import 'zod-openapi';
import { z } from 'zod';
import { errorStatus } from '@/lib/errors';

/** A resource id (UUID). As a path parameter, one that does not parse answers 404. */
export const resourceId = z
  .uuid()
  .meta({ description: 'Resource id (UUID)', example: '0b7e2f0e-3c1a-4d8e-9f51-6c2b9a7d4e10' });

/** `{ id }` in the path. */
export const idPathParams = z.object({ id: resourceId });

/** A time in a response: ISO 8601 in UTC (`2026-12-03T09:30:00.000Z`). */
export const timestamp = z.iso.datetime().meta({ example: '2026-12-03T09:30:00.000Z' });

/** A page of a list: the items and the cursor of the next page (null on the last). */
export function pageSchema<T extends z.ZodType>(item: T, id: string) {
  return z
    .object({
      data: z.array(item),
      nextCursor: z
        .string()
        .nullable()
        .meta({ description: 'Pass as `cursor` to get the next page; null on the last page' }),
    })
    .meta({ id });
}

/** `cursor` and `limit` of a list's query string. */
export const pageQuery = {
  cursor: z.string().max(512).optional().meta({ description: 'The `nextCursor` of the previous page' }),
  limit: z.coerce.number().int().min(1).max(100).default(50).meta({ description: 'Items per page (1–100)' }),
};

export const errorCodes = Object.keys(errorStatus) as [keyof typeof errorStatus, ...(keyof typeof errorStatus)[]];

const fieldIssue = z
  .object({
    path: z.string().meta({ description: 'Where the problem is: `steps.2.config.url`, `query.limit`' }),
    message: z.string(),
    code: z.string(),
    params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
    severity: z.enum(['error', 'warning']).optional(),
    stepId: z.string().optional().meta({ description: 'In a workflow definition: the step the problem is in' }),
  })
  .meta({ id: 'FieldIssue' });

export const errorBodySchema = z
  .object({
    error: z.object({
      code: z.enum(errorCodes).meta({ description: 'Stable, machine-readable; see the error code list' }),
      message: z.string().meta({ description: "A sentence for people, in the caller's language where translated" }),
      details: z
        .looseObject({ issues: z.array(fieldIssue).optional() })
        .optional()
        .meta({ description: 'More about the error; validation errors list `issues` with field paths' }),
      request_id: z.string().optional().meta({ description: 'On 500 only: quote it to support' }),
    }),
  })
  .meta({ id: 'Error' });

/** `Idempotency-Key` of a creating POST. */
export const idempotencyKeyHeader = z
  .string()
  .min(1)
  .max(255)
  .regex(/^[\x21-\x7e]+$/, 'Use 1–255 visible ASCII characters')
  .meta({
    description:
      'Any unique string (a UUID). Repeating the request with the same key within 24 hours replays the first successful answer instead of doing it again.',
    example: '5d1c9f7e-bb2e-4d0e-8a55-1f8f1a3c9d20',
  });
