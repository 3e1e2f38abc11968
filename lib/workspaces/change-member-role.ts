import 'server-only';
// Owners change a member's role (ending the member's sessions); the last owner cannot be demoted.
import { z } from 'zod';
import type { Db } from '@/db/client';
import type { Role } from '@/db/types';
import { recordAudit } from '@/lib/audit/record-audit';
import { bumpSessionVersion } from '@/lib/auth/bump-session-version';
import { requireRole, type Scope } from '@/lib/auth/scope';
import { AppError } from '@/lib/errors';
import { inTransaction } from './in-transaction';
import { countOwners, lockMember, type MemberDto } from './member-guards';

export const changeMemberRoleSchema = z.object({ role: z.enum(['owner', 'admin', 'member']) });
export type ChangeMemberRoleInput = z.infer<typeof changeMemberRoleSchema>;

export async function changeMemberRole(db: Db, scope: Scope, userId: string, role: Role): Promise<MemberDto> {
  requireRole(scope, 'owner');
  return inTransaction(db, async (trx) => {
    const member = await lockMember(trx, scope.workspaceId, userId);
    if (member.role === role) return member;
    if (member.role === 'owner' && (await countOwners(trx, scope.workspaceId)) <= 1) {
      throw new AppError('conflict', 'The last owner cannot be demoted; make another member owner first');
    }
    await trx
      .updateTable('memberships')
      .set({ role })
      .where('workspace_id', '=', scope.workspaceId)
      .where('user_id', '=', member.userId)
      .execute();
    await bumpSessionVersion(trx, member.userId);
    await recordAudit(trx, {
      workspaceId: scope.workspaceId,
      actorUserId: scope.userId,
      action: 'member.role_changed',
      targetType: 'user',
      targetId: member.userId,
      meta: { from: member.role, to: role },
    });
    return { ...member, role };
  });
}
