// Public API v1 operations of the failure queue: declarations only (schemas from lib/workflows/runs/schemas.ts).
import { defineOperation, type V1Operation } from '@/lib/api/v1/operation';
import { pageSchema } from '@/lib/api/v1/schemas';
import {
  failureQueueItemSchema,
  listFailureQueueQuerySchema,
  replayRunsResultSchema,
  replayRunsSchema,
} from '@/lib/workflows/runs/schemas';

export const listFailureQueueOperation = defineOperation({
  operationId: 'listFailureQueue',
  method: 'get',
  path: '/api/v1/failure-queue',
  tag: 'Failure queue',
  summary: 'List the failure queue',
  description: 'Runs that failed for good and have not been replayed, newest first, by workflow and creation time.',
  scope: 'read',
  query: listFailureQueueQuerySchema,
  responses: {
    200: { description: 'A page of failed runs', schema: pageSchema(failureQueueItemSchema, 'FailureQueuePage') },
  },
});

export const replayFailureQueueOperation = defineOperation({
  operationId: 'replayFailureQueue',
  method: 'post',
  path: '/api/v1/failure-queue/replay',
  tag: 'Failure queue',
  summary: 'Replay failed runs',
  description:
    'Replays up to 100 runs at once, from the failed step (default) or from the start. Each run answers for itself: one that cannot be replayed (not found, not failed, over the plan) is reported with its error and the others go ahead.',
  scope: 'write',
  body: replayRunsSchema,
  idempotent: true,
  responses: { 200: { description: 'One outcome per run', schema: replayRunsResultSchema } },
  requestExample: { runIds: ['0b7e2f0e-3c1a-4d8e-9f51-6c2b9a7d4e10'], from: 'failed_step' },
});

export const failureQueueOperations: readonly V1Operation[] = [listFailureQueueOperation, replayFailureQueueOperation];
