import 'server-only';
// Pending invitations of the caller's workspace (admins only).
import type { Db } from '@/db/client';
import { requireRole, type Scope } from '@/lib/auth/scope';
import { invitationColumns, type InvitationDto, toInvitationDto } from './invitation-dto';

export async function listInvitations(db: Db, scope: Scope, now = new Date()): Promise<InvitationDto[]> {
  requireRole(scope, 'admin');
  const rows = await db
    .selectFrom('invitations')
    .select(invitationColumns)
    .where('workspace_id', '=', scope.workspaceId)
    .where('accepted_at', 'is', null)
    .where('revoked_at', 'is', null)
    .where('expires_at', '>', now)
    .orderBy('created_at', 'desc')
    .execute();
  return rows.map(toInvitationDto);
}
