import 'server-only';
// Where a webhook workflow's signing secret stands: when the current one was shown, and until when the previous one works.
import type { Db } from '@/db/client';
import { requireScope, type Scope } from '@/lib/auth/scope';
import { AppError } from '@/lib/errors';

export type WebhookSigningDto = { secretShownAt: Date | null; previousValidUntil: Date | null };

export async function getWebhookSigning(
  db: Db,
  scope: Scope,
  workflowId: string,
  now: Date = new Date(),
): Promise<WebhookSigningDto> {
  requireScope(scope, 'read');
  const row = await db
    .selectFrom('workflows')
    .select(['webhook_secret_shown_at', 'webhook_secret_previous_expires_at'])
    .where('id', '=', workflowId)
    .where('workspace_id', '=', scope.workspaceId)
    .executeTakeFirst();
  if (!row) throw new AppError('not_found', 'Workflow not found');
  const until = row.webhook_secret_previous_expires_at;
  return { secretShownAt: row.webhook_secret_shown_at, previousValidUntil: until && until > now ? until : null };
}
