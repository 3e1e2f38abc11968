import 'server-only';
// What the invite page shows before accepting: the workspace, who invited, and whether the link still works.
import type { Db } from '@/db/client';
import { hashInvitationToken } from './invitation-dto';

export type InvitationPreview = {
  workspaceName: string;
  inviterName: string | null;
  state: 'pending' | 'accepted' | 'revoked' | 'expired';
};

export async function getInvitationPreview(db: Db, token: string, now = new Date()): Promise<InvitationPreview | null> {
  if (token.length < 16 || token.length > 256) return null;
  const row = await db
    .selectFrom('invitations')
    .innerJoin('workspaces', 'workspaces.id', 'invitations.workspace_id')
    .leftJoin('users', 'users.id', 'invitations.invited_by')
    .select([
      'workspaces.name as workspaceName',
      'workspaces.status',
      'users.name as inviterName',
      'users.email as inviterEmail',
      'invitations.accepted_at',
      'invitations.revoked_at',
      'invitations.expires_at',
    ])
    .where('invitations.token_hash', '=', hashInvitationToken(token))
    .executeTakeFirst();
  if (!row || row.status !== 'active') return null;
  const state = row.revoked_at
    ? 'revoked'
    : row.accepted_at
      ? 'accepted'
      : row.expires_at.getTime() <= now.getTime()
        ? 'expired'
        : 'pending';
  return { workspaceName: row.workspaceName, inviterName: row.inviterName || row.inviterEmail || null, state };
}
