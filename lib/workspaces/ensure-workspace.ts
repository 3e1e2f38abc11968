import 'server-only';
// Gives a user with no workspace a personal one they own (not while an invitation waits, if asked); idempotent,
// and serialised per user.
import type { Db } from '@/db/client';
import { recordAudit } from '@/lib/audit/record-audit';
import { AppError } from '@/lib/errors';
import { inTransaction, isUuid } from './in-transaction';
import { listUserWorkspaces, type UserWorkspace } from './list-workspaces';

export type WorkspaceOwner = { id: string; email: string; name?: string | null };

export function personalWorkspaceName(user: WorkspaceOwner): string {
  const label = user.name?.trim() || user.email.split('@')[0] || 'My';
  return `${label.slice(0, 60)}'s workspace`;
}

/**
 * `unlessInvited`: skip creating one while the address has a pending invitation (someone signing up through an
 * invite joins that workspace instead; the app creates a personal one later if they never accept).
 */
export async function ensurePersonalWorkspace(
  db: Db,
  user: WorkspaceOwner,
  { unlessInvited = false }: { unlessInvited?: boolean } = {},
): Promise<UserWorkspace[]> {
  if (!isUuid(user.id)) throw new AppError('not_found', 'User not found');
  await inTransaction(db, async (trx) => {
    // NOTE: locking the user row makes a concurrent call wait here, then see the membership made by the first.
    const locked = await trx.selectFrom('users').select('id').where('id', '=', user.id).forUpdate().executeTakeFirst();
    if (!locked) throw new AppError('not_found', 'User not found');
    const membership = await trx
      .selectFrom('memberships')
      .select('workspace_id')
      .where('user_id', '=', user.id)
      .limit(1)
      .executeTakeFirst();
    if (membership) return;
    if (unlessInvited && (await hasPendingInvitation(trx, user.email))) return;
    const workspace = await trx
      .insertInto('workspaces')
      .values({ name: personalWorkspaceName(user) })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('memberships')
      .values({ workspace_id: workspace.id, user_id: user.id, role: 'owner' })
      .execute();
    await recordAudit(trx, {
      workspaceId: workspace.id,
      actorUserId: user.id,
      action: 'workspace.created',
      targetType: 'workspace',
      targetId: workspace.id,
    });
  });
  return listUserWorkspaces(db, user.id);
}

async function hasPendingInvitation(db: Db, email: string): Promise<boolean> {
  const invitation = await db
    .selectFrom('invitations')
    .select('id')
    .where('email', '=', email.trim().toLowerCase())
    .where('accepted_at', 'is', null)
    .where('revoked_at', 'is', null)
    .where('expires_at', '>', new Date())
    .limit(1)
    .executeTakeFirst();
  return Boolean(invitation);
}
