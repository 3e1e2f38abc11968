// Public API v1 operations of runs: declarations only (schemas from lib/workflows/runs/schemas.ts); routes build on them.
import { z } from 'zod';
import { defineOperation, type V1Operation } from '@/lib/api/v1/operation';
import { idPathParams, pageSchema } from '@/lib/api/v1/schemas';
import {
  listRunsV1QuerySchema,
  replayRunSchema,
  runDetailSchema,
  runSchema,
  triggerRunBodySchema,
  waitQuerySchema,
} from '@/lib/workflows/runs/schemas';

const locationHeader = z.object({
  Location: z.string().meta({ description: 'The run: `/api/v1/runs/{id}`', example: '/api/v1/runs/0b7e2f0e-…' }),
});

export const triggerRunOperation = defineOperation({
  operationId: 'triggerRun',
  method: 'post',
  path: '/api/v1/workflows/{id}/runs',
  tag: 'Runs',
  summary: 'Trigger a run',
  description:
    "Starts a run of the workflow's current version with `payload` as its input (a disabled workflow can still be run by hand). A run of steps that call nothing outside finishes at once; any other is queued. With `wait`, the answer comes once the run has finished or the wait ran out, whichever is first. Beyond the plan's monthly runs a run costs credits; with none left it is refused with `limit_reached`.",
  scope: 'write',
  params: idPathParams,
  query: waitQuerySchema,
  body: triggerRunBodySchema,
  maxBodyBytes: 257 * 1024,
  idempotent: true,
  responses: {
    201: { description: 'The run, as it is when the answer is sent', schema: runDetailSchema, headers: locationHeader },
  },
  errors: ['limit_reached'],
  requestExample: { payload: { orderId: 'A-1001', total: 4200 } },
});

export const listRunsOperation = defineOperation({
  operationId: 'listRuns',
  method: 'get',
  path: '/api/v1/runs',
  tag: 'Runs',
  summary: 'List runs',
  description:
    'Runs of the workspace, newest first, by status (one or a comma-separated list), workflow and creation time.',
  scope: 'read',
  query: listRunsV1QuerySchema,
  responses: { 200: { description: 'A page of runs', schema: pageSchema(runSchema, 'RunPage') } },
});

export const getRunOperation = defineOperation({
  operationId: 'getRun',
  method: 'get',
  path: '/api/v1/runs/{id}',
  tag: 'Runs',
  summary: 'Get a run',
  description:
    'A run with its step timeline (every attempt with its input, output, error and duration), approvals and waits. With `wait`, the answer comes once the run has finished or the wait ran out.',
  scope: 'read',
  params: idPathParams,
  query: waitQuerySchema,
  responses: { 200: { description: 'The run', schema: runDetailSchema } },
});

export const cancelRunOperation = defineOperation({
  operationId: 'cancelRun',
  method: 'post',
  path: '/api/v1/runs/{id}/cancel',
  tag: 'Runs',
  summary: 'Cancel a run',
  description:
    'Cancels a queued or running run: a step already executing finishes, nothing after it runs. A finished run answers `conflict`.',
  scope: 'write',
  params: idPathParams,
  responses: { 200: { description: 'The cancelled run', schema: runDetailSchema } },
  errors: ['conflict'],
});

export const replayRunOperation = defineOperation({
  operationId: 'replayRun',
  method: 'post',
  path: '/api/v1/runs/{id}/replay',
  tag: 'Runs',
  summary: 'Replay a run',
  description:
    'Replays a failed, rejected or cancelled run: from `failed_step` the same run continues (steps that succeeded are not run again); from `start` a new run gets the same payload. Any other run answers `conflict`; a replay from the start counts as a run (`limit_reached` when none are left).',
  scope: 'write',
  params: idPathParams,
  body: replayRunSchema,
  idempotent: true,
  responses: {
    201: { description: 'The run that carries the replay', schema: runDetailSchema, headers: locationHeader },
  },
  errors: ['conflict', 'limit_reached'],
  requestExample: { from: 'failed_step' },
});

export const runsOperations: readonly V1Operation[] = [
  triggerRunOperation,
  listRunsOperation,
  getRunOperation,
  cancelRunOperation,
  replayRunOperation,
];
