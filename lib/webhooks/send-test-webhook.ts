import 'server-only';
// "Send test event": a `ping` delivered to one subscription at once (tried once), answered with its delivery.
import type { Db } from '@/db/client';
import { requireRole, type Scope } from '@/lib/auth/scope';
import { AppError } from '@/lib/errors';
import { type AttemptOptions, attemptDelivery } from './attempt-delivery';
import { emitWebhookEvent } from './emit-webhook-event';
import type { WebhookDeliveryDto } from './schemas';
import { deliveryColumns, toDeliveryDto } from './webhook-dto';

export async function sendTestWebhook(
  db: Db,
  scope: Scope,
  webhookId: string,
  options: AttemptOptions = {},
): Promise<WebhookDeliveryDto> {
  requireRole(scope, 'member', 'write', 'sending a test event');
  const subscription = await db
    .selectFrom('webhook_subscriptions')
    .select(['id', 'url', 'secret', 'enabled', 'workspace_id'])
    .where('id', '=', webhookId)
    .where('workspace_id', '=', scope.workspaceId)
    .executeTakeFirst();
  if (!subscription) throw new AppError('not_found', 'Webhook not found');
  if (!subscription.enabled) throw new AppError('conflict', 'This webhook is disabled; enable it to send a test event');
  const eventId = await emitWebhookEvent(
    db,
    scope.workspaceId,
    'ping',
    { ping: { webhookId, message: 'A test event from Levqor' } },
    // NOTE: due a minute from now, so the delivery job does not send it too while this request does.
    { subscriptionIds: [webhookId], now: options.now, dueAt: new Date((options.now ?? new Date()).getTime() + 60_000) },
  );
  const delivery = await db
    .selectFrom('webhook_deliveries')
    .select(['id', 'event_type', 'payload', 'attempts'])
    .where('event_id', '=', eventId!)
    .where('subscription_id', '=', webhookId)
    .executeTakeFirstOrThrow();
  await attemptDelivery(db, { ...delivery, ...subscription, id: delivery.id }, options);
  const row = await db
    .selectFrom('webhook_deliveries')
    .select(deliveryColumns)
    .where('id', '=', delivery.id)
    .executeTakeFirstOrThrow();
  return toDeliveryDto(row);
}
