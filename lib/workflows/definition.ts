// The workflow definition: a versioned JSON document (trigger, steps, settings) validated by zod.
import { z } from 'zod';

export const stepTypes = [
  'http_request',
  'delay',
  'log',
  'email',
  'condition',
  'transform',
  'approval',
  'backup',
  'slack',
  'telegram',
  'notion',
  'google_sheets',
  'webhook',
] as const;
export type StepType = (typeof stepTypes)[number];

export const limits = { steps: 50, definitionBytes: 64 * 1024, payloadBytes: 256 * 1024, nameLength: 120 } as const;

/** Inbound webhook deliveries a workflow accepts a minute: the default and the bounds a workflow may choose within. */
export const webhookRateLimits = { defaultPerMinute: 60, min: 1, max: 1_000 } as const;

const stepIdSchema = z
  .string()
  .regex(/^[a-z][a-z0-9_]{0,47}$/, 'Step ids are lower_snake_case: a letter, then letters, digits or _ (at most 48)');

export function isValidTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone });
    return timeZone.includes('/') || timeZone === 'UTC';
  } catch {
    return false;
  }
}

const timeZoneSchema = z.string().superRefine((zone, ctx) => {
  if (!isValidTimeZone(zone))
    ctx.addIssue({
      code: 'custom',
      message: `Time zone "${zone.slice(0, 80)}" is not an IANA time zone such as Europe/London`,
      params: { code: 'unknown_time_zone', value: zone },
    });
});

export const triggerSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('manual') }),
  z.object({
    type: z.literal('schedule'),
    cron: z.string().trim().min(9).max(120),
    timezone: timeZoneSchema.default('UTC'),
  }),
  z.object({
    type: z.literal('webhook'),
    /** Require an `x-levqor-signature: sha256=<hex>` HMAC of the raw body. */
    requireSignature: z.boolean().default(false),
    /** Deliveries accepted a minute; more are answered 429 (default 60). */
    rateLimitPerMinute: z.number().int().min(webhookRateLimits.min).max(webhookRateLimits.max).optional(),
  }),
  z.object({
    type: z.literal('event'),
    event: z.enum(['workflow.succeeded', 'workflow.failed']),
    /** The workflow whose runs trigger this one (same workspace). */
    workflowId: z.uuid(),
  }),
]);
export type Trigger = z.infer<typeof triggerSchema>;

export const stepSchema = z.object({
  id: stepIdSchema,
  name: z.string().trim().min(1).max(limits.nameLength).optional(),
  type: z.enum(stepTypes),
  config: z.record(z.string(), z.unknown()).default({}),
  /** The step to run after this one; default the next in the list, `null` ends the run. */
  next: stepIdSchema.nullable().optional(),
  /** Overrides the step type's action class: A runs automatically, B needs approval when the workspace says so, C always. */
  actionClass: z.enum(['A', 'B', 'C']).optional(),
});
export type WorkflowStep = z.infer<typeof stepSchema>;

export const retryPolicySchema = z.object({
  maxAttempts: z.number().int().min(1).max(10).default(5),
  initialDelayMs: z.number().int().min(100).max(60_000).default(1_000),
  maxDelayMs: z.number().int().min(1_000).max(3_600_000).default(300_000),
});
export type RetryPolicy = z.infer<typeof retryPolicySchema>;

export const settingsSchema = z.object({
  timezone: timeZoneSchema.default('UTC'),
  retry: retryPolicySchema.default({ maxAttempts: 5, initialDelayMs: 1_000, maxDelayMs: 300_000 }),
  concurrency: z.number().int().min(1).max(100).default(10),
  /** How long an approval waits before it counts as rejected. */
  approvalTimeoutHours: z
    .number()
    .min(0.01)
    .max(24 * 30)
    .default(72),
});
export type WorkflowSettings = z.infer<typeof settingsSchema>;

export const workflowDefinitionSchema = z.object({
  schemaVersion: z.literal(1).default(1),
  name: z.string().trim().min(1).max(limits.nameLength),
  description: z.string().max(2_000).optional(),
  trigger: triggerSchema,
  steps: z
    .array(stepSchema)
    .min(1, 'A workflow needs at least one step')
    .max(limits.steps, `At most ${limits.steps} steps`),
  settings: settingsSchema.default({
    timezone: 'UTC',
    retry: { maxAttempts: 5, initialDelayMs: 1_000, maxDelayMs: 300_000 },
    concurrency: 10,
    approvalTimeoutHours: 72,
  }),
});
export type WorkflowDefinition = z.infer<typeof workflowDefinitionSchema>;
export type WorkflowDefinitionInput = z.input<typeof workflowDefinitionSchema>;
