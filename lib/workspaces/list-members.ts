import 'server-only';
// The members of the caller's workspace, with emails (visible to fellow members only).
import type { Db } from '@/db/client';
import { requireScope, type Scope } from '@/lib/auth/scope';
import type { MemberDto } from './member-guards';

export async function listMembers(db: Db, scope: Scope): Promise<MemberDto[]> {
  requireScope(scope, 'read');
  return db
    .selectFrom('memberships')
    .innerJoin('users', 'users.id', 'memberships.user_id')
    .select([
      'users.id as userId',
      'users.email',
      'users.name',
      'memberships.role',
      'memberships.created_at as joinedAt',
    ])
    .where('memberships.workspace_id', '=', scope.workspaceId)
    .orderBy('users.email')
    .execute();
}
