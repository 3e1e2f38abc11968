// Users, workspaces and scopes for the workspace tests.
import type { Kysely } from 'kysely';
import type { Database, Role, WorkspaceStatus } from '@/db/types';
import type { Scope } from '@/lib/auth/scope';

let counter = 0;

export async function createUser(
  db: Kysely<Database>,
  name: string | null = null,
  email = `user${++counter}-${Date.now()}@example.com`,
) {
  return db.insertInto('users').values({ email, name }).returning(['id', 'email', 'name']).executeTakeFirstOrThrow();
}

export async function createWorkspace(
  db: Kysely<Database>,
  name: string,
  members: [string, Role][],
  status: WorkspaceStatus = 'active',
) {
  const workspace = await db
    .insertInto('workspaces')
    .values({ name, status })
    .returning('id')
    .executeTakeFirstOrThrow();
  if (members.length)
    await db
      .insertInto('memberships')
      .values(members.map(([userId, role]) => ({ workspace_id: workspace.id, user_id: userId, role })))
      .execute();
  return workspace.id;
}

export function sessionScope(workspaceId: string, userId: string, role: Role): Scope {
  return {
    workspaceId,
    userId,
    role,
    via: 'session',
    scopes: role === 'member' ? ['read', 'write'] : ['read', 'write', 'admin'],
  };
}

export async function roleOf(db: Kysely<Database>, workspaceId: string, userId: string): Promise<Role | undefined> {
  const row = await db
    .selectFrom('memberships')
    .select('role')
    .where('workspace_id', '=', workspaceId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return row?.role;
}

export async function auditActions(db: Kysely<Database>, workspaceId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('audit_logs')
    .select('action')
    .where('workspace_id', '=', workspaceId)
    .orderBy('id')
    .execute();
  return rows.map((row) => row.action);
}

export const daysAfter = (date: Date, days: number) => new Date(date.getTime() + days * 24 * 60 * 60 * 1000);
