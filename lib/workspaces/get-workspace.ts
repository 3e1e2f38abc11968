import 'server-only';
// The caller's current workspace, as a small DTO.
import type { Db } from '@/db/client';
import type { Scope } from '@/lib/auth/scope';
import { AppError } from '@/lib/errors';

export async function getWorkspace(db: Db, scope: Scope) {
  const row = await db
    .selectFrom('workspaces')
    .select(['id', 'name', 'status', 'approvers', 'created_at'])
    .where('id', '=', scope.workspaceId)
    .executeTakeFirst();
  if (!row) throw new AppError('not_found', 'Workspace not found');
  return { id: row.id, name: row.name, status: row.status, approvers: row.approvers, createdAt: row.created_at };
}
