import 'server-only';
// Who may decide a workspace's approvals: its `approvers` setting read against a member's role.
import type { Db } from '@/db/client';
import type { Role, WorkspaceApprovers } from '@/db/types';
import { AppError } from '@/lib/errors';

export function canDecideApprovals(role: Role, approvers: WorkspaceApprovers): boolean {
  return approvers === 'members' || role === 'owner' || role === 'admin';
}

export async function getApprovers(db: Db, workspaceId: string): Promise<WorkspaceApprovers> {
  const row = await db.selectFrom('workspaces').select('approvers').where('id', '=', workspaceId).executeTakeFirst();
  if (!row) throw new AppError('not_found', 'Workspace not found');
  return row.approvers;
}

/** The roles whose members may decide, for the approval email and the inbox. */
export function deciderRoles(approvers: WorkspaceApprovers): Role[] {
  return approvers === 'members' ? ['owner', 'admin', 'member'] : ['owner', 'admin'];
}
