import 'server-only';
// The invited person, signed in with the invited address, joins the workspace through the emailed link.
import type { Db } from '@/db/client';
import type { Role } from '@/db/types';
import { recordAudit } from '@/lib/audit/record-audit';
import { assertWithinLimit } from '@/lib/billing/assert-within-limit';
import { AppError } from '@/lib/errors';
import { inTransaction } from './in-transaction';
import { hashInvitationToken } from './invitation-dto';
import { assertWorkspaceActive } from './list-workspaces';

const roleRank: Record<Role, number> = { member: 0, admin: 1, owner: 2 };

/** Returns the id of the workspace joined. */
export async function acceptInvitation(
  db: Db,
  user: { id: string; email: string },
  token: string,
  now = new Date(),
): Promise<string> {
  if (token.length < 16 || token.length > 256) throw new AppError('not_found', 'This invitation link is not valid');
  return inTransaction(db, async (trx) => {
    const invitation = await trx
      .selectFrom('invitations')
      .select(['id', 'workspace_id', 'email', 'role', 'expires_at', 'accepted_at', 'revoked_at'])
      .where('token_hash', '=', hashInvitationToken(token))
      .forUpdate()
      .executeTakeFirst();
    if (!invitation) throw new AppError('not_found', 'This invitation link is not valid');
    if (invitation.revoked_at) throw new AppError('gone', 'This invitation has been withdrawn');
    if (invitation.accepted_at) throw new AppError('conflict', 'This invitation has already been used');
    if (invitation.expires_at.getTime() <= now.getTime())
      throw new AppError('gone', 'This invitation has expired; ask for a new one');
    if (user.email.trim().toLowerCase() !== invitation.email)
      throw new AppError('forbidden', 'This invitation was sent to a different email address');

    const workspaceId = invitation.workspace_id;
    await trx.selectFrom('workspaces').select('id').where('id', '=', workspaceId).forUpdate().executeTakeFirst();
    await assertWorkspaceActive(trx, workspaceId);
    const existing = await trx
      .selectFrom('memberships')
      .select('role')
      .where('workspace_id', '=', workspaceId)
      .where('user_id', '=', user.id)
      .executeTakeFirst();
    if (!existing) {
      // The invitation itself still counts as a pending seat, so joining adds nothing to the seats in use.
      await assertWithinLimit(trx, workspaceId, 'seats', { adding: 0, now });
      await trx
        .insertInto('memberships')
        .values({ workspace_id: workspaceId, user_id: user.id, role: invitation.role })
        .execute();
    } else if (roleRank[invitation.role] > roleRank[existing.role]) {
      await trx
        .updateTable('memberships')
        .set({ role: invitation.role })
        .where('workspace_id', '=', workspaceId)
        .where('user_id', '=', user.id)
        .execute();
    }
    await trx.updateTable('invitations').set({ accepted_at: now }).where('id', '=', invitation.id).execute();
    const role = existing && roleRank[existing.role] >= roleRank[invitation.role] ? existing.role : invitation.role;
    await recordAudit(trx, {
      workspaceId,
      actorUserId: user.id,
      action: 'member.joined',
      targetType: 'user',
      targetId: user.id,
      meta: { invitationId: invitation.id, role },
    });
    return workspaceId;
  });
}
