// Event webhooks: the events a subscription can ask for, its request bodies and the API's answers (subscriptions,
// deliveries with their attempts, and the event envelope every delivery's body carries).
import 'zod-openapi';
import { z } from 'zod';
import { idPathParams, pageQuery, pageSchema, resourceId, timestamp } from '@/lib/api/v1/schemas';
import { type WebhookEventType, webhookEventTypes } from './event-types';

export { type WebhookEventType, webhookEventTypes };
/** What a delivery can carry: a subscribed event, or the `ping` that "Send test event" sends. */
export type DeliveryEventType = WebhookEventType | 'ping';

export const webhookEventTypeSchema = z.enum(webhookEventTypes).meta({
  id: 'WebhookEventType',
  description:
    '`run.succeeded` / `run.failed`: a run finished; `approval.requested`: a run waits for a person; `backup.verification_failed`: a backup snapshot no longer matches its checksum',
});

const webhookUrl = z
  .url({ protocol: /^https?$/, error: 'An absolute https URL such as https://hooks.zapier.com/hooks/catch/1/abc' })
  .max(2048, 'Use a URL of at most 2048 characters')
  .meta({ description: 'Where deliveries are POSTed: https, no user name or password in it, not a private address' });

const events = z
  .array(webhookEventTypeSchema)
  .min(1, 'Choose at least one event')
  .max(webhookEventTypes.length)
  .meta({ description: 'The events delivered to the URL' });

const description = z
  .string()
  .trim()
  .max(200, 'Use at most 200 characters')
  .nullable()
  .meta({ description: 'A note for people: what the subscription is for' });

export const createWebhookSchema = z
  .strictObject({ url: webhookUrl, events, description: description.optional() })
  .meta({
    id: 'CreateWebhook',
    example: { url: 'https://hooks.zapier.com/hooks/catch/1/abc', events: ['run.failed'], description: 'Zapier' },
  });
export type CreateWebhookInput = z.infer<typeof createWebhookSchema>;

export const updateWebhookSchema = z
  .strictObject({
    url: webhookUrl.optional(),
    events: events.optional(),
    enabled: z.boolean().optional().meta({ description: 'false pauses deliveries; true resumes them' }),
    description: description.optional(),
  })
  .meta({ id: 'UpdateWebhook', example: { enabled: false } });
export type UpdateWebhookInput = z.infer<typeof updateWebhookSchema>;

export const webhookSchema = z
  .object({
    id: resourceId,
    url: z.string(),
    events: z.array(webhookEventTypeSchema),
    description: z.string().nullable(),
    enabled: z.boolean(),
    disabledReason: z
      .string()
      .nullable()
      .meta({ description: 'Why Levqor disabled the subscription (e.g. its deliveries kept failing); null otherwise' }),
    createdAt: timestamp,
    updatedAt: timestamp,
  })
  .meta({ id: 'Webhook', description: 'An event subscription. Its signing secret is shown once, when it is created.' });
export type WebhookDto = z.infer<typeof webhookSchema>;

export const createdWebhookSchema = webhookSchema
  .extend({
    secret: z.string().meta({
      description:
        'The signing secret: shown once, store it now. Verify each delivery with X-Levqor-Signature: sha256=<hex HMAC-SHA256(secret, "<X-Levqor-Timestamp>.<raw body>")>',
      example: 'whsec_3q2-7wEXAMPLEexampleEXAMPLE',
    }),
  })
  .meta({ id: 'CreatedWebhook' });
export type CreatedWebhookDto = z.infer<typeof createdWebhookSchema>;

export const webhookAttemptSchema = z
  .object({
    at: timestamp,
    statusCode: z.number().int().nullable().meta({ description: "The receiver's HTTP status; null when none came" }),
    durationMs: z.number().int().min(0),
    error: z.string().nullable().meta({ description: 'Why the attempt failed (timeout, refused address, status)' }),
  })
  .meta({ id: 'WebhookAttempt' });

export const webhookEventSchema = z
  .object({
    id: z.uuid().meta({ description: 'The event id: the same on every retry and every subscription (dedupe on it)' }),
    type: z.string().meta({ example: 'run.failed' }),
    createdAt: timestamp,
    workspaceId: z.uuid(),
    data: z.record(z.string(), z.unknown()).meta({ description: 'The event: `run`, `approval`, `snapshot` or `ping`' }),
  })
  .meta({
    id: 'WebhookEvent',
    description: 'The JSON body of every delivery',
    example: {
      id: '2f0c6a55-9d1b-4a7e-8b3c-5e2f1d0a9c44',
      type: 'run.failed',
      createdAt: '2026-12-03T09:30:00.000Z',
      workspaceId: '7a1d2c3b-4e5f-4a6b-8c7d-9e0f1a2b3c4d',
      data: {
        run: {
          id: '0b7e2f0e-3c1a-4d8e-9f51-6c2b9a7d4e10',
          workflowId: '5c4b3a29-1807-4f6e-9d5c-4b3a29180766',
          workflowName: 'Order alerts',
          status: 'failed',
          startedAt: '2026-12-03T09:29:58.000Z',
          finishedAt: '2026-12-03T09:30:00.000Z',
          error: { code: 'http_error', message: 'api.example.com answered 500' },
          url: 'https://levqor.io/runs/0b7e2f0e-3c1a-4d8e-9f51-6c2b9a7d4e10',
        },
      },
    },
  });
export type WebhookEvent = z.infer<typeof webhookEventSchema>;

export const webhookDeliverySchema = z
  .object({
    id: resourceId,
    webhookId: z.uuid(),
    eventId: z.uuid(),
    eventType: z.string().meta({ example: 'run.failed' }),
    status: z.enum(['pending', 'succeeded', 'failed']).meta({
      description: '`pending` until a 2xx answer (`succeeded`) or the last retry (`failed`)',
    }),
    attemptCount: z.number().int().min(0),
    attempts: z.array(webhookAttemptSchema).meta({ description: 'Every try, oldest first' }),
    nextAttemptAt: timestamp.nullable().meta({ description: 'When the next try is due; null once settled' }),
    lastStatusCode: z.number().int().nullable(),
    lastError: z.string().nullable(),
    payload: webhookEventSchema,
    createdAt: timestamp,
    deliveredAt: timestamp.nullable(),
  })
  .meta({ id: 'WebhookDelivery' });
export type WebhookDeliveryDto = z.infer<typeof webhookDeliverySchema>;

export const webhookPageSchema = pageSchema(webhookSchema, 'WebhookPage');
export const webhookDeliveryPageSchema = pageSchema(webhookDeliverySchema, 'WebhookDeliveryPage');

export const listWebhooksQuerySchema = z.object(pageQuery);
export const listWebhookDeliveriesQuerySchema = z.object({
  ...pageQuery,
  status: z.enum(['pending', 'succeeded', 'failed']).optional().meta({ description: 'Only deliveries in this state' }),
});

export const webhookParamsSchema = idPathParams;
export const webhookDeliveryParamsSchema = z.object({ id: resourceId, deliveryId: resourceId });
