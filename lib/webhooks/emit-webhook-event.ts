import 'server-only';
// Emits an event to the workspace's webhooks: one pending delivery per enabled subscription that wants it, written
// with the caller's `db` (inside its transaction when it has one). The event's data is built only when someone listens.
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { Db } from '@/db/client';
import type { DeliveryEventType, WebhookEvent } from './schemas';

type EventData = Record<string, unknown>;

/** Returns the event id, or null when no subscription wanted the event. */
export async function emitWebhookEvent(
  db: Db,
  workspaceId: string,
  type: DeliveryEventType,
  data: EventData | (() => Promise<EventData | null>),
  options: { now?: Date; subscriptionIds?: readonly string[]; dueAt?: Date } = {},
): Promise<string | null> {
  let query = db
    .selectFrom('webhook_subscriptions')
    .select('id')
    .where('workspace_id', '=', workspaceId)
    .where('enabled', '=', true);
  query = options.subscriptionIds
    ? query.where('id', 'in', options.subscriptionIds.length ? [...options.subscriptionIds] : [randomUUID()])
    : query.where(sql<boolean>`${type} = any(events)`);
  const subscriptions = await query.execute();
  if (subscriptions.length === 0) return null;
  const resolved = typeof data === 'function' ? await data() : data;
  if (!resolved) return null;
  const now = options.now ?? new Date();
  const event: WebhookEvent = { id: randomUUID(), type, createdAt: now.toISOString(), workspaceId, data: resolved };
  const payload = JSON.stringify(event);
  await db
    .insertInto('webhook_deliveries')
    .values(
      subscriptions.map((subscription) => ({
        subscription_id: subscription.id,
        workspace_id: workspaceId,
        event_id: event.id,
        event_type: type,
        payload,
        next_attempt_at: options.dueAt ?? now,
      })),
    )
    .execute();
  return event.id;
}
