// Request and response schemas of runs and the failure queue: the app's pages, the v1 API, its document and MCP.
import 'zod-openapi';
import { z } from 'zod';
import { isoDateTime } from '@/lib/api/schemas';
import { pageQuery, timestamp } from '@/lib/api/v1/schemas';

/** Every state a run can be in; `rejected` and `cancelled` are outcomes of their own, never failures. */
export const runStatuses = ['queued', 'running', 'succeeded', 'failed', 'rejected', 'cancelled'] as const;
export const runTriggers = ['manual', 'schedule', 'webhook', 'event', 'replay'] as const;
const waitingReasons = ['sleep', 'retry', 'approval', 'concurrency'] as const;
const replayFrom = z.enum(['failed_step', 'start']).default('failed_step').meta({
  description:
    '`failed_step` continues the same run from the step that failed (recorded successes are kept); `start` runs the same payload again as a new run',
});

/** The longest a caller may wait for a run (the `wait` query parameter). */
export const MAX_WAIT_MS = 30_000;

/** `10s`, `2500ms` or `10` (seconds), at most 30 s → milliseconds. */
export const waitSchema = z
  .string()
  .regex(/^\d{1,6}(\.\d{1,3})?(ms|s)?$/, 'Use seconds or milliseconds, such as 10s, 2500ms or 10')
  .transform((value) => {
    const amount = Number.parseFloat(value);
    return Math.round(value.endsWith('ms') ? amount : amount * 1000);
  })
  .refine((ms) => ms <= MAX_WAIT_MS, 'Wait at most 30s')
  .meta({
    description:
      'Wait (at most 30 s) for the run to finish before answering: `10s`, `2500ms` or `10` (seconds). When the wait runs out the run is returned as it is then.',
    example: '10s',
  });

/** `?wait=` of the operations that can wait for a run. */
export const waitQuerySchema = z.object({ wait: waitSchema.optional() });

/** The app's runs page: filters from the URL; a bad value is ignored rather than refused. */
export const runsPageFiltersSchema = z.object({
  status: z.enum(runStatuses).optional().catch(undefined),
  workflowId: z.uuid().optional().catch(undefined),
  from: z.iso.date().optional().catch(undefined),
  to: z.iso.date().optional().catch(undefined),
  cursor: z.iso.datetime({ offset: true }).optional().catch(undefined),
});

const statusList = z
  .string()
  .regex(new RegExp(`^(${runStatuses.join('|')})(,(${runStatuses.join('|')}))*$`), {
    error: `Use one or more of ${runStatuses.join(', ')}, separated by commas`,
  })
  .transform((value) => [...new Set(value.split(','))] as (typeof runStatuses)[number][])
  .meta({ description: 'One status or a comma-separated list', example: 'failed,cancelled' });

const timeRange = {
  from: isoDateTime.optional().meta({ description: 'Runs created at or after this time (ISO 8601)' }),
  to: isoDateTime.optional().meta({ description: 'Runs created before this time (ISO 8601)' }),
};

function fromBeforeTo(query: { from?: string; to?: string }, ctx: z.RefinementCtx) {
  if (query.from && query.to && Date.parse(query.from) > Date.parse(query.to))
    ctx.addIssue({ code: 'custom', path: ['to'], message: 'Use a `to` that is not before `from`' });
}

/** GET /api/v1/runs. */
export const listRunsV1QuerySchema = z
  .object({ status: statusList.optional(), workflowId: z.uuid().optional(), ...timeRange, ...pageQuery })
  .superRefine(fromBeforeTo);

/** GET /api/v1/failure-queue. */
export const listFailureQueueQuerySchema = z
  .object({ workflowId: z.uuid().optional(), ...timeRange, ...pageQuery })
  .superRefine(fromBeforeTo);

/** POST /api/v1/workflows/{id}/runs: only a payload (a test run of unsaved changes is the editor's, not the API's). */
export const triggerRunBodySchema = z
  .strictObject({
    payload: z
      .unknown()
      .optional()
      .meta({ description: "The run's input, any JSON (at most 256 KiB); `{}` when omitted" }),
  })
  .meta({ id: 'TriggerRunRequest' });

export const replayRunSchema = z.object({ from: replayFrom });
export const replayRunsSchema = z.object({
  runIds: z.array(z.uuid()).min(1).max(100).meta({ description: 'The failed runs to replay (1–100)' }),
  from: replayFrom,
});

const anyJson = z.unknown().meta({ description: 'Any JSON value' });

const runFields = {
  id: z.uuid(),
  workflowId: z.uuid(),
  workflowName: z.string(),
  version: z.number().int().meta({ description: 'The workflow version the run follows' }),
  status: z.enum(runStatuses),
  waiting: z
    .enum(waitingReasons)
    .nullable()
    .meta({ description: 'Why a queued or running run is not moving: a delay, a retry, an approval or a full lane' }),
  trigger: z.enum(runTriggers),
  currentStepId: z.string().nullable(),
  attempt: z.number().int(),
  error: anyJson.meta({ description: 'Why the run failed (`code`, `message`, `stepId`, …); null otherwise' }),
  deadLettered: z.boolean().meta({ description: 'The run failed for good and waits in the failure queue' }),
  replayOf: z.uuid().nullable().meta({ description: 'The run this one replays from the start' }),
  createdAt: timestamp,
  startedAt: timestamp.nullable(),
  finishedAt: timestamp.nullable(),
  durationMs: z.number().int().nullable(),
  wakeAt: timestamp.nullable().meta({ description: 'When a waiting run next moves (delays and retries)' }),
};

/** A run in a list. */
export const runSchema = z.object(runFields).meta({ id: 'Run', description: 'One run of a workflow' });

/** One attempt of one step. */
export const stepRunSchema = z
  .object({
    stepId: z.string(),
    type: z.string().meta({ description: 'The step type: `http_request`, `delay`, `approval`, …' }),
    attempt: z.number().int(),
    status: z.enum(['running', 'succeeded', 'failed', 'waiting']),
    input: anyJson.meta({ description: "The step's resolved config" }),
    output: anyJson,
    error: anyJson,
    startedAt: timestamp,
    finishedAt: timestamp.nullable(),
    durationMs: z.number().nonnegative().nullable().meta({ description: 'Milliseconds, with fractions' }),
  })
  .meta({ id: 'StepRun', description: 'One attempt of one step, in the order they ran' });

const runApprovalSchema = z
  .object({
    id: z.uuid(),
    stepId: z.string(),
    status: z.enum(['pending', 'approved', 'rejected', 'expired']),
    expiresAt: timestamp,
    decidedAt: timestamp.nullable(),
    decidedBy: z.string().nullable().meta({ description: "The decider's name or email" }),
    decidedVia: z.string().nullable(),
    comment: z.string().nullable(),
    createdAt: timestamp,
  })
  .meta({ id: 'RunApproval' });

const runWaitSchema = z
  .object({
    stepId: z.string(),
    kind: z.enum(['approval', 'delay']),
    since: timestamp,
    until: timestamp.nullable().meta({ description: 'null while it still waits' }),
    ms: z.number().int(),
  })
  .meta({ id: 'RunWait' });

/** A run with its step timeline, approvals and waits. */
export const runDetailSchema = z
  .object({
    ...runFields,
    payload: anyJson.meta({ description: "The run's input" }),
    draft: z.boolean().meta({ description: 'A test run of unsaved editor changes' }),
    steps: z.array(z.object({ id: z.string(), name: z.string().nullable(), type: z.string() })),
    stepRuns: z.array(stepRunSchema),
    approvals: z.array(runApprovalSchema),
    cancelledBy: z.string().nullable(),
    waits: z.array(runWaitSchema),
    waitedMs: z.number().int().meta({ description: 'Of the run so far, the time spent waiting' }),
  })
  .meta({ id: 'RunDetail', description: 'A run with its step timeline (every attempt), approvals and waits' });

/** A failed run in the failure queue. */
export const failureQueueItemSchema = z
  .object({
    id: z.uuid(),
    workflowId: z.uuid(),
    workflowName: z.string(),
    version: z.number().int(),
    trigger: z.enum(runTriggers),
    failedStepId: z.string().nullable().meta({ description: 'The step that failed' }),
    attempt: z.number().int(),
    error: anyJson.meta({ description: 'Why it failed (`code`, `message`, `stepId`, `attempts`)' }),
    createdAt: timestamp,
    failedAt: timestamp.nullable(),
  })
  .meta({ id: 'FailureQueueItem', description: 'A run that failed for good, waiting to be replayed' });

const replayOutcomeSchema = z
  .discriminatedUnion('ok', [
    z.object({
      runId: z.uuid(),
      ok: z.literal(true),
      replay: z.object({
        id: z.uuid().meta({ description: 'The run that carries the replay (the same run from `failed_step`)' }),
        replayOf: z.uuid().nullable(),
        from: z.enum(['failed_step', 'start']),
      }),
    }),
    z.object({
      runId: z.uuid(),
      ok: z.literal(false),
      error: z.object({ code: z.string(), message: z.string() }),
    }),
  ])
  .meta({ id: 'ReplayOutcome' });

export const replayRunsResultSchema = z
  .object({ results: z.array(replayOutcomeSchema) })
  .meta({ id: 'FailureQueueReplay', description: 'One outcome per run: a run that cannot be replayed says why' });
