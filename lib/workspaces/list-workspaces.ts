import 'server-only';
// The workspaces a user belongs to, and the scope a signed-in user acts in.
import { sql } from 'kysely';
import type { Db } from '@/db/client';
import type { ApiKeyScope, Role, WorkspaceStatus } from '@/db/types';
import type { Scope } from '@/lib/auth/scope';
import { AppError } from '@/lib/errors';
import { isUuid } from './in-transaction';

export type UserWorkspace = { id: string; name: string; role: Role; status: WorkspaceStatus };

/** Every workspace the user is a member of (soft-deleted ones included, so they can be restored). */
export async function listUserWorkspaces(db: Db, userId: string): Promise<UserWorkspace[]> {
  if (!isUuid(userId)) return [];
  return db
    .selectFrom('memberships')
    .innerJoin('workspaces', 'workspaces.id', 'memberships.workspace_id')
    .select(['workspaces.id', 'workspaces.name', 'memberships.role', 'workspaces.status'])
    .where('memberships.user_id', '=', userId)
    .where('workspaces.status', '!=', 'purged')
    .orderBy('workspaces.name')
    .orderBy('workspaces.id')
    .execute();
}

export function sessionScopes(role: Role): readonly ApiKeyScope[] {
  return role === 'member' ? ['read', 'write'] : ['read', 'write', 'admin'];
}

/** The preferred workspace when the user belongs to it, else their first one (active before suspended). */
export async function resolveScope(db: Db, userId: string, preferredWorkspaceId?: string | null): Promise<Scope> {
  const candidates = isUuid(userId)
    ? await db
        .selectFrom('memberships')
        .innerJoin('workspaces', 'workspaces.id', 'memberships.workspace_id')
        .select(['workspaces.id', 'memberships.role'])
        .where('memberships.user_id', '=', userId)
        .where('workspaces.status', 'in', ['active', 'suspended'])
        .orderBy(sql`workspaces.status = 'active'`, 'desc')
        .orderBy('workspaces.name')
        .orderBy('workspaces.id')
        .execute()
    : [];
  const chosen = candidates.find((candidate) => candidate.id === preferredWorkspaceId) ?? candidates[0];
  if (!chosen) throw new AppError('not_found', 'You are not a member of any workspace');
  return { workspaceId: chosen.id, userId, role: chosen.role, via: 'session', scopes: sessionScopes(chosen.role) };
}

/** A session scope in one workspace whatever its status (e.g. to restore a soft-deleted one), or null. */
export async function getMembershipScope(db: Db, userId: string, workspaceId: string): Promise<Scope | null> {
  if (!isUuid(userId) || !isUuid(workspaceId)) return null;
  const membership = await db
    .selectFrom('memberships')
    .select('role')
    .where('user_id', '=', userId)
    .where('workspace_id', '=', workspaceId)
    .executeTakeFirst();
  return membership
    ? { workspaceId, userId, role: membership.role, via: 'session', scopes: sessionScopes(membership.role) }
    : null;
}

/** Throws 403 for a suspended workspace and 404 for one that is deleted, purged or unknown. */
export async function assertWorkspaceActive(db: Db, workspaceId: string): Promise<void> {
  const workspace = isUuid(workspaceId)
    ? await db.selectFrom('workspaces').select('status').where('id', '=', workspaceId).executeTakeFirst()
    : undefined;
  if (workspace?.status === 'suspended') throw new AppError('forbidden', 'This workspace is suspended');
  if (workspace?.status !== 'active') throw new AppError('not_found', 'Workspace not found');
}
