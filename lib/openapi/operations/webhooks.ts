// Public API v1 operations of webhooks: declarations only (schemas from lib/webhooks/schemas.ts); routes build on them.
import { defineOperation, type V1Operation } from '@/lib/api/v1/operation';
import {
  createdWebhookSchema,
  createWebhookSchema,
  listWebhookDeliveriesQuerySchema,
  listWebhooksQuerySchema,
  updateWebhookSchema,
  webhookDeliveryPageSchema,
  webhookDeliveryParamsSchema,
  webhookDeliverySchema,
  webhookPageSchema,
  webhookParamsSchema,
  webhookSchema,
} from '@/lib/webhooks/schemas';

const signing =
  'Each delivery is a POST of a `WebhookEvent` with `X-Levqor-Event`, `X-Levqor-Delivery` (dedupe on it or on the event id), `X-Levqor-Timestamp` (unix seconds) and `X-Levqor-Signature: sha256=<hex HMAC-SHA256(secret, "<timestamp>.<raw body>")>`. Refuse timestamps more than 5 minutes old. Answer 2xx within 10 s; anything else is retried after 1 min, 5 min, 30 min, 2 h and 6 h.';

export const listWebhooksOperation = defineOperation({
  operationId: 'listWebhooks',
  method: 'get',
  path: '/api/v1/webhooks',
  tag: 'Webhooks',
  summary: 'List webhooks',
  description: "The workspace's event subscriptions, oldest first. Signing secrets are never returned.",
  scope: 'read',
  query: listWebhooksQuerySchema,
  responses: { 200: { description: 'A page of webhooks', schema: webhookPageSchema } },
});

export const createWebhookOperation = defineOperation({
  operationId: 'createWebhook',
  method: 'post',
  path: '/api/v1/webhooks',
  tag: 'Webhooks',
  summary: 'Subscribe a URL to events',
  description: `Levqor POSTs each chosen event to the URL (https, public). The answer carries the signing secret, shown this once. ${signing}`,
  scope: 'admin',
  body: createWebhookSchema,
  idempotent: true,
  responses: {
    201: { description: 'The webhook, with its signing secret (shown once)', schema: createdWebhookSchema },
  },
  errors: ['limit_reached'],
  requestExample: { url: 'https://hooks.zapier.com/hooks/catch/1/abc', events: ['run.failed'], description: 'Zapier' },
});

export const getWebhookOperation = defineOperation({
  operationId: 'getWebhook',
  method: 'get',
  path: '/api/v1/webhooks/{id}',
  tag: 'Webhooks',
  summary: 'Get a webhook',
  scope: 'read',
  params: webhookParamsSchema,
  responses: { 200: { description: 'The webhook', schema: webhookSchema } },
});

export const updateWebhookOperation = defineOperation({
  operationId: 'updateWebhook',
  method: 'patch',
  path: '/api/v1/webhooks/{id}',
  tag: 'Webhooks',
  summary: 'Change a webhook',
  description: 'Change the URL, the events or the description, or pause (`enabled: false`) and resume deliveries.',
  scope: 'admin',
  params: webhookParamsSchema,
  body: updateWebhookSchema,
  responses: { 200: { description: 'The changed webhook', schema: webhookSchema } },
});

export const deleteWebhookOperation = defineOperation({
  operationId: 'deleteWebhook',
  method: 'delete',
  path: '/api/v1/webhooks/{id}',
  tag: 'Webhooks',
  summary: 'Delete a webhook',
  description: 'Unsubscribes the URL (REST hooks): nothing more is sent to it, and its delivery history is deleted.',
  scope: 'admin',
  params: webhookParamsSchema,
  responses: { 204: { description: 'Deleted' } },
});

export const listWebhookDeliveriesOperation = defineOperation({
  operationId: 'listWebhookDeliveries',
  method: 'get',
  path: '/api/v1/webhooks/{id}/deliveries',
  tag: 'Webhooks',
  summary: "List a webhook's deliveries",
  description: 'Newest first, each with its attempts (status code, duration, error) and when the next try is due.',
  scope: 'read',
  params: webhookParamsSchema,
  query: listWebhookDeliveriesQuerySchema,
  responses: { 200: { description: 'A page of deliveries', schema: webhookDeliveryPageSchema } },
});

export const redeliverWebhookDeliveryOperation = defineOperation({
  operationId: 'redeliverWebhookDelivery',
  method: 'post',
  path: '/api/v1/webhooks/{id}/deliveries/{deliveryId}/redeliver',
  tag: 'Webhooks',
  summary: 'Redeliver an event',
  description:
    'Sends the delivery again now as a new delivery with the same event id and body, retried on the usual schedule.',
  scope: 'write',
  params: webhookDeliveryParamsSchema,
  responses: { 200: { description: 'The new delivery, after its first try', schema: webhookDeliverySchema } },
  errors: ['conflict'],
});

export const testWebhookOperation = defineOperation({
  operationId: 'testWebhook',
  method: 'post',
  path: '/api/v1/webhooks/{id}/test',
  tag: 'Webhooks',
  summary: 'Send a test event',
  description: 'Sends a signed `ping` event to the URL now (tried once) and answers with the delivery and its attempt.',
  scope: 'write',
  params: webhookParamsSchema,
  responses: { 200: { description: 'The ping delivery, after its try', schema: webhookDeliverySchema } },
  errors: ['conflict'],
});

export const webhooksOperations: readonly V1Operation[] = [
  listWebhooksOperation,
  createWebhookOperation,
  getWebhookOperation,
  updateWebhookOperation,
  deleteWebhookOperation,
  listWebhookDeliveriesOperation,
  redeliverWebhookDeliveryOperation,
  testWebhookOperation,
];
