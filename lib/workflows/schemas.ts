// Request and response schemas of the workflow routes (the app's and /api/v1's) and the exported file's envelope.
import { z } from 'zod';
import { INT32_MAX, isoDateTime, positiveInt32 } from '@/lib/api/schemas';
import { idPathParams, pageQuery, resourceId, timestamp } from '@/lib/api/v1/schemas';
import { workflowDefinitionSchema } from './definition';

/** A workflow's name, by the definition schema's rules (trimmed, 1–120 characters). */
export const workflowNameSchema = workflowDefinitionSchema.shape.name;

export const duplicateWorkflowSchema = z.object({
  /** The copy's name; default "<name> (copy)". */
  name: workflowNameSchema.optional(),
});
export type DuplicateWorkflowInput = z.infer<typeof duplicateWorkflowSchema>;

export const WORKFLOW_FILE_FORMAT = 'levqor.workflow';
export const WORKFLOW_FILE_VERSION = 1;

/** The exported file: the definition inside a small envelope saying what the file is. */
export const workflowFileSchema = z.object({
  format: z.literal(WORKFLOW_FILE_FORMAT, {
    error: `This is not a Levqor workflow file (format must be "${WORKFLOW_FILE_FORMAT}")`,
  }),
  formatVersion: z.literal(WORKFLOW_FILE_VERSION, {
    error: `This file's format version is not supported; this Levqor reads version ${WORKFLOW_FILE_VERSION}`,
  }),
  exportedAt: isoDateTime.optional(),
  /** Checked by the workflow validator, which names every issue's step and field. */
  definition: z.unknown(),
});
export type WorkflowFile = {
  format: typeof WORKFLOW_FILE_FORMAT;
  formatVersion: typeof WORKFLOW_FILE_VERSION;
  exportedAt: string;
  definition: unknown;
};

/** The import body: a workflow file, or a bare definition (an object either way). */
export const importWorkflowSchema = z.record(z.string(), z.unknown()).meta({
  description: 'A workflow file as exported (`format`, `formatVersion`, `definition`), or a bare workflow definition',
});

/** GET /api/workflows/schedule-preview: a cron expression and the zone it is read in. */
export const schedulePreviewQuerySchema = z.object({
  cron: z.string().max(120),
  timezone: z.string().max(64).default('UTC'),
});
export type SchedulePreviewQuery = z.infer<typeof schedulePreviewQuerySchema>;

// ——— Requests of the workflow routes (the app's and /api/v1's) ———

/** A small realistic definition: a signed webhook forwards each order, then logs it. */
export const exampleDefinition = {
  name: 'Forward new orders',
  description: 'Posts each order the shop sends to the fulfilment service, then logs it.',
  trigger: { type: 'webhook', requireSignature: true },
  steps: [
    {
      id: 'forward_order',
      name: 'Send to fulfilment',
      type: 'http_request',
      config: { method: 'POST', url: 'https://fulfilment.example.com/orders', body: '{{trigger.payload}}' },
    },
    { id: 'log_forwarded', type: 'log', config: { message: 'Order {{trigger.payload.id}} forwarded' } },
  ],
};

/** The definition as a documented component; the workflow validator checks it further (steps, references, limits). */
export const workflowDefinitionDocSchema = workflowDefinitionSchema.meta({
  id: 'WorkflowDefinition',
  description:
    'A workflow: its trigger, its steps (run in order unless a step names `next`) and settings. Each step type has its own `config`; the validator reports every problem with its field path.',
  // NOTE: complete, with the defaults filled in, so that it is also an example of the definition as answered.
  example: {
    schemaVersion: 1,
    ...exampleDefinition,
    settings: {
      timezone: 'Europe/London',
      retry: { maxAttempts: 5, initialDelayMs: 1_000, maxDelayMs: 300_000 },
      concurrency: 10,
      approvalTimeoutHours: 72,
    },
  },
});

/** POST /api/workflows?origin=ai: a proposal from the AI builder, created switched off and audited as such. */
export const createWorkflowQuerySchema = z.object({ origin: z.enum(['ai']).optional() });

/** A definition as sent: any JSON here, so that the workflow validator reports every issue with its step and field. */
export const rawDefinitionSchema = z.unknown();

/** A definition inside a request body (`{ definition }`), documented as the WorkflowDefinition it must be. */
const definitionField = rawDefinitionSchema.meta({
  description: 'The workflow definition (see WorkflowDefinition); checked by the workflow validator',
  override: { $ref: '#/components/schemas/WorkflowDefinition' },
});

/** PUT /api/workflows/:id: a new version, refused (409) when the workflow moved past `expectedVersion`. */
export const updateWorkflowSchema = z.object({
  definition: definitionField,
  expectedVersion: positiveInt32
    .optional()
    .meta({ description: 'The version you edited: a newer current version is a 409 conflict' }),
});
export type UpdateWorkflowInput = z.infer<typeof updateWorkflowSchema>;

/** PATCH /api/workflows/:id: switch on or off. */
export const setWorkflowEnabledSchema = z.object({ enabled: z.boolean() });

/** POST /api/workflows/validate: a definition to check without saving it. */
export const validateWorkflowSchema = z.object({
  definition: definitionField,
  workflowId: z
    .uuid()
    .optional()
    .meta({ description: 'The workflow being edited, if any: an event trigger may not listen to itself' }),
});
export type ValidateWorkflowInput = z.infer<typeof validateWorkflowSchema>;

export const workflowTriggerTypes = ['manual', 'schedule', 'webhook', 'event'] as const;

/** GET /api/v1/workflows: filters and an opaque keyset cursor. */
export const listWorkflowsV1QuerySchema = z.object({
  q: z.string().trim().max(120).optional().meta({ description: 'Part of the name, case-insensitive' }),
  enabled: z
    .enum(['true', 'false'])
    .optional()
    .meta({ description: 'Only switched-on (`true`) or switched-off workflows' }),
  triggerType: z.enum(workflowTriggerTypes).optional().meta({ description: 'Only workflows with this trigger' }),
  ...pageQuery,
});

/** `{ id, version }` in the path: a version number that is not a positive integer names nothing (404). */
export const versionPathParams = idPathParams.extend({
  version: z.coerce
    .number()
    .int()
    .min(1)
    .max(INT32_MAX)
    .meta({ description: 'A version number (1, 2, …)', example: 3 }),
});

// ——— Responses ———

const triggerOut = z
  .discriminatedUnion('type', [
    z.object({ type: z.literal('manual') }),
    z.object({
      type: z.literal('schedule'),
      cron: z.string().nullable().meta({ example: '0 9 * * 1-5' }),
      timezone: z
        .string()
        .nullable()
        .meta({ description: 'IANA time zone the cron is read in', example: 'Europe/London' }),
    }),
    z.object({ type: z.literal('webhook') }),
    z.object({
      type: z.literal('event'),
      event: z.enum(['workflow.succeeded', 'workflow.failed']).nullable(),
      sourceWorkflowId: resourceId.nullable().meta({ description: 'The workflow whose runs start this one' }),
    }),
  ])
  .meta({ id: 'WorkflowTrigger', description: 'What starts the workflow' });

/** A workflow as the API shows it (never its webhook signing secret). */
export const workflowSchema = z
  .object({
    id: resourceId,
    name: z.string().meta({ example: 'Forward new orders' }),
    description: z.string().nullable(),
    enabled: z.boolean().meta({ description: 'Whether its trigger starts runs' }),
    currentVersion: z
      .number()
      .int()
      .min(1)
      .meta({ description: 'The version runs start with; also the ETag', example: 3 }),
    trigger: triggerOut,
    webhookUrl: z.url().nullable().meta({
      description: 'Where to POST to start a run (webhook triggers only)',
      example: 'https://levqor.app/api/hooks/wh_3qHk9xT2mVb7',
    }),
    nextRunAt: timestamp.nullable().meta({ description: 'The next scheduled start (schedule triggers, when enabled)' }),
    concurrencyLimit: z.number().int().meta({ description: 'Runs of this workflow allowed at once', example: 10 }),
    createdAt: timestamp,
    updatedAt: timestamp,
  })
  .meta({ id: 'Workflow' });

/** A workflow with its current definition. */
export const workflowDetailSchema = workflowSchema
  .extend({ definition: workflowDefinitionDocSchema })
  .meta({ id: 'WorkflowDetail', description: 'A workflow with the definition of its current version' });

export const workflowVersionSchema = z
  .object({
    version: z.number().int().min(1).meta({ example: 3 }),
    createdAt: timestamp,
    createdBy: z.string().nullable().meta({ description: 'The email of who saved it; null when that user is gone' }),
  })
  .meta({ id: 'WorkflowVersion', description: 'One saved version of a workflow' });

export const workflowVersionDetailSchema = workflowVersionSchema
  .extend({ definition: workflowDefinitionDocSchema })
  .meta({ id: 'WorkflowVersionDetail', description: 'One saved version with its definition' });

const validationIssueSchema = z
  .object({
    path: z
      .string()
      .meta({ description: 'The field, from the definition: `steps.1.config.url`; `(root)` for the whole' }),
    code: z.string().meta({ example: 'egress_refused' }),
    message: z.string().meta({ description: "A sentence for people, in the caller's language where translated" }),
    severity: z.enum(['error', 'warning']).meta({ description: 'A warning blocks nothing' }),
    params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
    stepId: z.string().optional().meta({ description: 'The step the issue is in' }),
  })
  .meta({ id: 'ValidationIssue' });

export const validationResultSchema = z
  .object({
    valid: z.boolean().meta({ description: 'The definition can be saved (no issue outside readiness)' }),
    ready: z.boolean().meta({ description: 'Valid and without error-severity issues: nothing blocks switching it on' }),
    issues: z.array(validationIssueSchema),
  })
  .meta({ id: 'ValidationResult' });

/** The exported file as the API answers it. */
export const workflowFileOutSchema = z
  .object({
    format: z.literal(WORKFLOW_FILE_FORMAT),
    formatVersion: z.literal(WORKFLOW_FILE_VERSION),
    exportedAt: timestamp,
    definition: workflowDefinitionDocSchema,
  })
  .meta({
    id: 'WorkflowFile',
    description: 'A workflow as a file: the definition in an envelope; never a secret. Import it with importWorkflow.',
  });
