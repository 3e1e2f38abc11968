import 'server-only';
// Admins remove members (owners only by an owner, never the last owner); the member's API keys here are revoked
// and their sessions ended.
import type { Db } from '@/db/client';
import { recordAudit } from '@/lib/audit/record-audit';
import { bumpSessionVersion } from '@/lib/auth/bump-session-version';
import { hasRole, requireRole, type Scope } from '@/lib/auth/scope';
import { AppError } from '@/lib/errors';
import { inTransaction } from './in-transaction';
import { countOwners, lockMember } from './member-guards';

export async function removeMember(
  db: Db,
  scope: Scope,
  userId: string,
  now = new Date(),
): Promise<{ userId: string }> {
  requireRole(scope, 'admin');
  return inTransaction(db, async (trx) => {
    const member = await lockMember(trx, scope.workspaceId, userId);
    if (member.role === 'owner' && !hasRole(scope, 'owner'))
      throw new AppError('forbidden', 'Only an owner can remove an owner');
    if (member.role === 'owner' && (await countOwners(trx, scope.workspaceId)) <= 1) {
      throw new AppError('conflict', 'The last owner cannot be removed; make another member owner first');
    }
    await trx
      .deleteFrom('memberships')
      .where('workspace_id', '=', scope.workspaceId)
      .where('user_id', '=', member.userId)
      .execute();
    await bumpSessionVersion(trx, member.userId);
    // NOTE: an API key acts as the user who created it, so a removed member's keys must stop working here.
    await trx
      .updateTable('api_keys')
      .set({ revoked_at: now })
      .where('workspace_id', '=', scope.workspaceId)
      .where('created_by', '=', member.userId)
      .where('revoked_at', 'is', null)
      .execute();
    await recordAudit(trx, {
      workspaceId: scope.workspaceId,
      actorUserId: scope.userId,
      action: 'member.removed',
      targetType: 'user',
      targetId: member.userId,
      meta: { role: member.role },
    });
    return { userId: member.userId };
  });
}
