import 'server-only';
// A subscription's deliveries, newest first, with every attempt (keyset on created_at and id).
import type { Db } from '@/db/client';
import type { WebhookDeliveryStatus } from '@/db/types-webhooks';
import { requireScope, type Scope } from '@/lib/auth/scope';
import { AppError } from '@/lib/errors';
import type { WebhookDeliveryDto } from './schemas';
import { deliveryColumns, toDeliveryDto } from './webhook-dto';

export async function listWebhookDeliveries(
  db: Db,
  scope: Scope,
  webhookId: string,
  page: { after?: { at: Date; id: string }; limit: number; status?: WebhookDeliveryStatus },
): Promise<WebhookDeliveryDto[]> {
  requireScope(scope, 'read');
  const subscription = await db
    .selectFrom('webhook_subscriptions')
    .select('id')
    .where('id', '=', webhookId)
    .where('workspace_id', '=', scope.workspaceId)
    .executeTakeFirst();
  if (!subscription) throw new AppError('not_found', 'Webhook not found');
  let query = db
    .selectFrom('webhook_deliveries')
    .select(deliveryColumns)
    .where('subscription_id', '=', webhookId)
    .where('workspace_id', '=', scope.workspaceId);
  if (page.status) query = query.where('status', '=', page.status);
  const after = page.after;
  if (after)
    query = query.where((eb) =>
      eb.or([eb('created_at', '<', after.at), eb.and([eb('created_at', '=', after.at), eb('id', '<', after.id)])]),
    );
  const rows = await query.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(page.limit).execute();
  return rows.map(toDeliveryDto);
}
