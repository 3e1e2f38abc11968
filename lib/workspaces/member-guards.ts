import 'server-only';
// Shared steps of membership changes: serialise on the workspace row, find the member, count the owners.
import type { Transaction } from 'kysely';
import type { Database, Role } from '@/db/types';
import { AppError } from '@/lib/errors';
import { isUuid } from './in-transaction';

export type MemberDto = { userId: string; email: string; name: string | null; role: Role; joinedAt: Date };

/** Locks the workspace (so two owners cannot demote each other at once) and returns the member, else 404. */
export async function lockMember(trx: Transaction<Database>, workspaceId: string, userId: string): Promise<MemberDto> {
  await trx.selectFrom('workspaces').select('id').where('id', '=', workspaceId).forUpdate().executeTakeFirst();
  const member = isUuid(userId)
    ? await trx
        .selectFrom('memberships')
        .innerJoin('users', 'users.id', 'memberships.user_id')
        .select([
          'users.id as userId',
          'users.email',
          'users.name',
          'memberships.role',
          'memberships.created_at as joinedAt',
        ])
        .where('memberships.workspace_id', '=', workspaceId)
        .where('memberships.user_id', '=', userId)
        .executeTakeFirst()
    : undefined;
  if (!member) throw new AppError('not_found', 'Member not found');
  return member;
}

export async function countOwners(trx: Transaction<Database>, workspaceId: string): Promise<number> {
  const { count } = await trx
    .selectFrom('memberships')
    .select((eb) => eb.fn.countAll<string>().as('count'))
    .where('workspace_id', '=', workspaceId)
    .where('role', '=', 'owner')
    .executeTakeFirstOrThrow();
  return Number(count);
}
