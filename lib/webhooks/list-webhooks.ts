import 'server-only';
// The workspace's subscriptions, oldest first, a page at a time (keyset on created_at and id).
import type { Db } from '@/db/client';
import { requireScope, type Scope } from '@/lib/auth/scope';
import type { WebhookDto } from './schemas';
import { subscriptionColumns, toWebhookDto } from './webhook-dto';

export async function listWebhooks(
  db: Db,
  scope: Scope,
  page: { after?: { at: Date; id: string }; limit: number },
): Promise<WebhookDto[]> {
  requireScope(scope, 'read');
  let query = db
    .selectFrom('webhook_subscriptions')
    .select(subscriptionColumns)
    .where('workspace_id', '=', scope.workspaceId);
  const after = page.after;
  if (after)
    query = query.where((eb) =>
      eb.or([eb('created_at', '>', after.at), eb.and([eb('created_at', '=', after.at), eb('id', '>', after.id)])]),
    );
  const rows = await query.orderBy('created_at').orderBy('id').limit(page.limit).execute();
  return rows.map(toWebhookDto);
}
