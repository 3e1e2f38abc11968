import 'server-only';
// Sends a delivery again as a new delivery of the same event (same event id and body, so receivers can dedupe),
// tried at once and retried on the usual schedule.
import type { Db } from '@/db/client';
import { requireRole, type Scope } from '@/lib/auth/scope';
import { AppError } from '@/lib/errors';
import { type AttemptOptions, attemptDelivery } from './attempt-delivery';
import type { WebhookDeliveryDto } from './schemas';
import { deliveryColumns, toDeliveryDto } from './webhook-dto';

export async function redeliverWebhookDelivery(
  db: Db,
  scope: Scope,
  webhookId: string,
  deliveryId: string,
  options: AttemptOptions = {},
): Promise<WebhookDeliveryDto> {
  requireRole(scope, 'member', 'write', 'redelivering an event');
  const original = await db
    .selectFrom('webhook_deliveries')
    .innerJoin('webhook_subscriptions', 'webhook_subscriptions.id', 'webhook_deliveries.subscription_id')
    .select([
      'webhook_deliveries.event_id',
      'webhook_deliveries.event_type',
      'webhook_deliveries.payload',
      'webhook_subscriptions.url',
      'webhook_subscriptions.secret',
      'webhook_subscriptions.enabled',
    ])
    .where('webhook_deliveries.id', '=', deliveryId)
    .where('webhook_deliveries.subscription_id', '=', webhookId)
    .where('webhook_deliveries.workspace_id', '=', scope.workspaceId)
    .executeTakeFirst();
  if (!original) throw new AppError('not_found', 'Delivery not found');
  if (!original.enabled) throw new AppError('conflict', 'This webhook is disabled; enable it to redeliver');
  const now = options.now ?? new Date();
  const copy = await db
    .insertInto('webhook_deliveries')
    .values({
      subscription_id: webhookId,
      workspace_id: scope.workspaceId,
      event_id: original.event_id,
      event_type: original.event_type,
      payload: JSON.stringify(original.payload),
      // NOTE: due a minute from now, so the delivery job does not send it too while this request does.
      next_attempt_at: new Date(now.getTime() + 60_000),
    })
    .returning(['id', 'attempts'])
    .executeTakeFirstOrThrow();
  await attemptDelivery(db, { ...original, ...copy, workspace_id: scope.workspaceId }, { ...options, now });
  const row = await db
    .selectFrom('webhook_deliveries')
    .select(deliveryColumns)
    .where('id', '=', copy.id)
    .executeTakeFirstOrThrow();
  return toDeliveryDto(row);
}
