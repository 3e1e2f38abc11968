import 'server-only';
// Subscribes a URL to events (admins): the signing secret is generated, stored encrypted and returned this once.
import { randomBytes } from 'node:crypto';
import type { Db } from '@/db/client';
import { recordAudit } from '@/lib/audit/record-audit';
import { requireRole, type Scope } from '@/lib/auth/scope';
import { encryptSecret } from '@/lib/crypto/secret-box';
import { AppError } from '@/lib/errors';
import { inTransaction } from '@/lib/workspaces/in-transaction';
import { assertWebhookUrl } from './check-webhook-url';
import type { CreatedWebhookDto, CreateWebhookInput } from './schemas';
import { subscriptionColumns, toWebhookDto } from './webhook-dto';

export const MAX_WEBHOOKS_PER_WORKSPACE = 25;

export async function createWebhook(db: Db, scope: Scope, input: CreateWebhookInput): Promise<CreatedWebhookDto> {
  requireRole(scope, 'admin', 'admin', 'subscribing a webhook');
  assertWebhookUrl(input.url);
  const secret = `whsec_${randomBytes(24).toString('base64url')}`;
  return inTransaction(db, async (trx) => {
    const { count } = await trx
      .selectFrom('webhook_subscriptions')
      .select((eb) => eb.fn.countAll<number>().as('count'))
      .where('workspace_id', '=', scope.workspaceId)
      .executeTakeFirstOrThrow();
    if (Number(count) >= MAX_WEBHOOKS_PER_WORKSPACE)
      throw new AppError(
        'limit_reached',
        `A workspace can have ${MAX_WEBHOOKS_PER_WORKSPACE} webhooks; delete one you no longer use first`,
        { limit: MAX_WEBHOOKS_PER_WORKSPACE },
      );
    const row = await trx
      .insertInto('webhook_subscriptions')
      .values({
        workspace_id: scope.workspaceId,
        url: input.url,
        events: [...new Set(input.events)],
        description: input.description ?? null,
        secret: encryptSecret(secret, scope.workspaceId),
        created_by: scope.userId,
      })
      .returning(subscriptionColumns)
      .executeTakeFirstOrThrow();
    await recordAudit(trx, {
      workspaceId: scope.workspaceId,
      actorUserId: scope.userId,
      action: 'webhook.created',
      targetType: 'webhook',
      targetId: row.id,
      meta: { host: new URL(row.url).host, events: row.events },
    });
    return { ...toWebhookDto(row), secret };
  });
}
