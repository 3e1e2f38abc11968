import 'server-only';
// Rows of webhook_subscriptions and webhook_deliveries as the API shows them (never the secret).
import type { Selectable } from 'kysely';
import type { WebhookDeliveryTable, WebhookSubscriptionTable } from '@/db/types-webhooks';
import type { WebhookDeliveryDto, WebhookDto, WebhookEvent, WebhookEventType } from './schemas';

export const subscriptionColumns = [
  'id',
  'url',
  'events',
  'description',
  'enabled',
  'disabled_reason',
  'created_at',
  'updated_at',
] as const;

type SubscriptionRow = Pick<Selectable<WebhookSubscriptionTable>, (typeof subscriptionColumns)[number]>;

export function toWebhookDto(row: SubscriptionRow): WebhookDto {
  return {
    id: row.id,
    url: row.url,
    events: row.events as WebhookEventType[],
    description: row.description,
    enabled: row.enabled,
    disabledReason: row.disabled_reason,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

export const deliveryColumns = [
  'id',
  'subscription_id',
  'event_id',
  'event_type',
  'payload',
  'status',
  'attempts',
  'attempt_log',
  'next_attempt_at',
  'last_status_code',
  'last_error',
  'created_at',
  'delivered_at',
] as const;

type DeliveryRow = Pick<Selectable<WebhookDeliveryTable>, (typeof deliveryColumns)[number]>;

const json = <T>(value: unknown): T => (typeof value === 'string' ? JSON.parse(value) : value) as T;

export function toDeliveryDto(row: DeliveryRow): WebhookDeliveryDto {
  return {
    id: row.id,
    webhookId: row.subscription_id,
    eventId: row.event_id,
    eventType: row.event_type,
    status: row.status,
    attemptCount: row.attempts,
    attempts: json(row.attempt_log),
    nextAttemptAt: row.status === 'pending' ? (row.next_attempt_at?.toISOString() ?? null) : null,
    lastStatusCode: row.last_status_code,
    lastError: row.last_error,
    payload: json<WebhookEvent>(row.payload),
    createdAt: row.created_at.toISOString(),
    deliveredAt: row.delivered_at?.toISOString() ?? null,
  };
}
