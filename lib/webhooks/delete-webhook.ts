import 'server-only';
// Unsubscribes (admins): the subscription and its delivery history go; nothing more is sent to its URL.
import type { Db } from '@/db/client';
import { recordAudit } from '@/lib/audit/record-audit';
import { requireRole, type Scope } from '@/lib/auth/scope';
import { AppError } from '@/lib/errors';
import { inTransaction } from '@/lib/workspaces/in-transaction';

export async function deleteWebhook(db: Db, scope: Scope, id: string): Promise<void> {
  requireRole(scope, 'admin', 'admin', 'deleting a webhook');
  await inTransaction(db, async (trx) => {
    const row = await trx
      .deleteFrom('webhook_subscriptions')
      .where('id', '=', id)
      .where('workspace_id', '=', scope.workspaceId)
      .returning('url')
      .executeTakeFirst();
    if (!row) throw new AppError('not_found', 'Webhook not found');
    await recordAudit(trx, {
      workspaceId: scope.workspaceId,
      actorUserId: scope.userId,
      action: 'webhook.deleted',
      targetType: 'webhook',
      targetId: id,
      meta: { host: new URL(row.url).host },
    });
  });
}
