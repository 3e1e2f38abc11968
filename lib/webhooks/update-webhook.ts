import 'server-only';
// Changes a subscription's URL, events, description or enabled state (admins); enabling clears a disabled reason.
import type { Db } from '@/db/client';
import { recordAudit } from '@/lib/audit/record-audit';
import { requireRole, type Scope } from '@/lib/auth/scope';
import { AppError } from '@/lib/errors';
import { inTransaction } from '@/lib/workspaces/in-transaction';
import { assertWebhookUrl } from './check-webhook-url';
import type { UpdateWebhookInput, WebhookDto } from './schemas';
import { subscriptionColumns, toWebhookDto } from './webhook-dto';

export async function updateWebhook(
  db: Db,
  scope: Scope,
  id: string,
  input: UpdateWebhookInput,
  now: Date = new Date(),
): Promise<WebhookDto> {
  requireRole(scope, 'admin', 'admin', 'changing a webhook');
  if (input.url !== undefined) assertWebhookUrl(input.url);
  return inTransaction(db, async (trx) => {
    const row = await trx
      .updateTable('webhook_subscriptions')
      .set({
        updated_at: now,
        ...(input.url !== undefined ? { url: input.url } : {}),
        ...(input.events !== undefined ? { events: [...new Set(input.events)] } : {}),
        ...(input.description !== undefined ? { description: input.description } : {}),
        ...(input.enabled !== undefined ? { enabled: input.enabled, disabled_reason: null } : {}),
      })
      .where('id', '=', id)
      .where('workspace_id', '=', scope.workspaceId)
      .returning(subscriptionColumns)
      .executeTakeFirst();
    if (!row) throw new AppError('not_found', 'Webhook not found');
    await recordAudit(trx, {
      workspaceId: scope.workspaceId,
      actorUserId: scope.userId,
      action: 'webhook.updated',
      targetType: 'webhook',
      targetId: id,
      meta: { changed: Object.keys(input) },
    });
    return toWebhookDto(row);
  });
}
