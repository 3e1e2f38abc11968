import 'server-only';
// Rotates a webhook workflow's signing secret (admins): the new one is returned once, the old one stays valid for a grace period.
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import type { Db } from '@/db/client';
import { recordAudit } from '@/lib/audit/record-audit';
import { requireRole, type Scope } from '@/lib/auth/scope';
import { encryptSecret } from '@/lib/crypto/secret-box';
import { AppError } from '@/lib/errors';

/** How long the secret before a rotation keeps being accepted, unless the caller chooses (0 ends it at once). */
export const webhookSecretGrace = { defaultHours: 24, maxHours: 168 } as const;

export const rotateWebhookSecretSchema = z.object({
  graceHours: z.number().int().min(0).max(webhookSecretGrace.maxHours).optional(),
  /** Refuse (409) when the current secret was already shown: the page's first reveal must not undo another's. */
  onlyIfNeverShown: z.boolean().optional(),
});
export type RotateWebhookSecretInput = z.input<typeof rotateWebhookSecretSchema>;

export type RotatedWebhookSecret = { secret: string; previousValidUntil: Date | null };

export async function rotateWebhookSecret(
  db: Db,
  scope: Scope,
  workflowId: string,
  input: RotateWebhookSecretInput = {},
  options: { now?: Date } = {},
): Promise<RotatedWebhookSecret> {
  requireRole(scope, 'admin');
  const { graceHours = webhookSecretGrace.defaultHours, onlyIfNeverShown = false } =
    rotateWebhookSecretSchema.parse(input);
  const now = options.now ?? new Date();
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .selectFrom('workflows')
      .select(['trigger_type', 'webhook_secret', 'webhook_secret_shown_at'])
      .where('id', '=', workflowId)
      .where('workspace_id', '=', scope.workspaceId)
      .forUpdate()
      .executeTakeFirst();
    if (!row) throw new AppError('not_found', 'Workflow not found');
    if (row.trigger_type !== 'webhook')
      throw new AppError('conflict', 'Only a workflow started by a webhook has a signing secret');
    if (onlyIfNeverShown && row.webhook_secret_shown_at)
      throw new AppError('conflict', 'The signing secret was already shown; rotate it to get a new one');
    // NOTE: a secret never shown cannot be in anyone's sender, so replacing it needs no grace period.
    const previousValidUntil =
      row.webhook_secret_shown_at && graceHours > 0 ? new Date(now.getTime() + graceHours * 3_600_000) : null;
    const secret = randomBytes(32).toString('base64url');
    await trx
      .updateTable('workflows')
      .set({
        webhook_secret: encryptSecret(secret, scope.workspaceId),
        webhook_secret_previous: previousValidUntil ? row.webhook_secret : null,
        webhook_secret_previous_expires_at: previousValidUntil,
        webhook_secret_shown_at: now,
      })
      .where('id', '=', workflowId)
      .execute();
    await recordAudit(trx, {
      workspaceId: scope.workspaceId,
      actorUserId: scope.userId,
      action: 'workflow.webhook_secret_rotated',
      targetType: 'workflow',
      targetId: workflowId,
      meta: { previousValidUntil: previousValidUntil?.toISOString() ?? null, firstShown: !row.webhook_secret_shown_at },
    });
    return { secret, previousValidUntil };
  });
}
