import 'server-only';
// The workspace's audit log for owners and admins, newest first, paged by id, with actor emails masked.
import type { Db } from '@/db/client';
import { requireRole, type Scope } from '@/lib/auth/scope';
import { AppError } from '@/lib/errors';
import { scrub } from '@/lib/logger';

export type AuditLogDto = {
  id: string;
  action: string;
  actorUserId: string | null;
  /** The actor's email, masked (`a***@example.com`), or the stored label when there is no user. */
  actor: string | null;
  targetType: string | null;
  targetId: string | null;
  ip: string | null;
  meta: Record<string, unknown>;
  createdAt: Date;
};

export type AuditLogPage = { entries: AuditLogDto[]; nextCursor: string | null };

const MAX_LIMIT = 200;

export async function listAuditLogs(
  db: Db,
  scope: Scope,
  { limit = 50, before }: { limit?: number; before?: string } = {},
): Promise<AuditLogPage> {
  requireRole(scope, 'admin');
  if (before !== undefined && !/^\d{1,18}$/.test(before)) throw new AppError('bad_request', 'The cursor is not valid');
  const pageSize = Math.min(Math.max(Math.trunc(limit) || 1, 1), MAX_LIMIT);
  let query = db
    .selectFrom('audit_logs')
    .leftJoin('users', 'users.id', 'audit_logs.actor_user_id')
    .select([
      'audit_logs.id',
      'action',
      'actor_user_id',
      'actor_label',
      'users.email',
      'target_type',
      'target_id',
      'ip',
      'meta',
      'audit_logs.created_at',
    ])
    .where('workspace_id', '=', scope.workspaceId)
    .orderBy('audit_logs.id', 'desc')
    .limit(pageSize + 1);
  if (before !== undefined) query = query.where('audit_logs.id', '<', before);
  const rows = await query.execute();
  const entries = rows.slice(0, pageSize).map((row) => ({
    id: String(row.id),
    action: row.action,
    actorUserId: row.actor_user_id,
    actor: row.email ? scrub(row.email) : row.actor_label,
    targetType: row.target_type,
    targetId: row.target_id,
    ip: row.ip,
    meta: row.meta,
    createdAt: row.created_at,
  }));
  return { entries, nextCursor: rows.length > pageSize ? (entries.at(-1)?.id ?? null) : null };
}
