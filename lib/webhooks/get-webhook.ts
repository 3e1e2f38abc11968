import 'server-only';
// One subscription of the caller's workspace (another workspace's id is not found).
import type { Db } from '@/db/client';
import { requireScope, type Scope } from '@/lib/auth/scope';
import { AppError } from '@/lib/errors';
import type { WebhookDto } from './schemas';
import { subscriptionColumns, toWebhookDto } from './webhook-dto';

export async function getWebhook(db: Db, scope: Scope, id: string): Promise<WebhookDto> {
  requireScope(scope, 'read');
  const row = await db
    .selectFrom('webhook_subscriptions')
    .select(subscriptionColumns)
    .where('id', '=', id)
    .where('workspace_id', '=', scope.workspaceId)
    .executeTakeFirst();
  if (!row) throw new AppError('not_found', 'Webhook not found');
  return toWebhookDto(row);
}
