import 'server-only';
// Admins withdraw a pending invitation so its link stops working.
import type { Db } from '@/db/client';
import { requireRole, type Scope } from '@/lib/auth/scope';
import { AppError } from '@/lib/errors';
import { isUuid } from './in-transaction';
import { invitationColumns, type InvitationDto, toInvitationDto } from './invitation-dto';

export async function revokeInvitation(
  db: Db,
  scope: Scope,
  invitationId: string,
  now = new Date(),
): Promise<InvitationDto> {
  requireRole(scope, 'admin');
  const row = isUuid(invitationId)
    ? await db
        .updateTable('invitations')
        .set({ revoked_at: now })
        .where('id', '=', invitationId)
        .where('workspace_id', '=', scope.workspaceId)
        .where('accepted_at', 'is', null)
        .where('revoked_at', 'is', null)
        .returning(invitationColumns)
        .executeTakeFirst()
    : undefined;
  if (!row) throw new AppError('not_found', 'Invitation not found');
  return toInvitationDto(row);
}
