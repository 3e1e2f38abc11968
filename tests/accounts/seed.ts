// Test fixtures: a workspace with one member of the given role, and the scope that member acts with.
import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database, Role } from '@/db/types';
import type { Scope } from '@/lib/auth/scope';

export type Seeded = { workspaceId: string; userId: string; email: string; scope: Scope };

export async function seedMember(db: Kysely<Database>, role: Role, workspaceId?: string): Promise<Seeded> {
  const email = `user-${randomBytes(4).toString('hex')}@example.com`;
  const user = await db.insertInto('users').values({ email }).returning('id').executeTakeFirstOrThrow();
  const workspace =
    workspaceId ??
    (await db.insertInto('workspaces').values({ name: 'Acme' }).returning('id').executeTakeFirstOrThrow()).id;
  await db.insertInto('memberships').values({ workspace_id: workspace, user_id: user.id, role }).execute();
  const scope: Scope = {
    workspaceId: workspace,
    userId: user.id,
    role,
    via: 'session',
    scopes: ['read', 'write', 'admin'],
  };
  return { workspaceId: workspace, userId: user.id, email, scope };
}
