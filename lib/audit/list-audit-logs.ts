import 'server-only';
// The workspace's audit log for owners and admins, newest first, paged by id, with actors and targets named
// (emails are masked in what is stored in meta and in logs, not for the workspace's own owners and admins).
import type { Db } from '@/db/client';
import { requireRole, type Scope } from '@/lib/auth/scope';
import { AppError } from '@/lib/errors';
import { resolveAuditTargets } from './resolve-audit-targets';

export type AuditLogDto = {
  id: string;
  action: string;
  actorUserId: string | null;
  /** The actor's name (else email), or the stored label (masked) when there is no user. */
  actor: string | null;
  actorEmail: string | null;
  targetType: string | null;
  targetId: string | null;
  /** The target's name: a member's name or email, a key's or workflow's name, an invitation's address. */
  target: string | null;
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
      'users.name',
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
  const page = rows.slice(0, pageSize);
  const targets = await resolveAuditTargets(
    db,
    scope.workspaceId,
    page.map((row) => ({ targetType: row.target_type, targetId: row.target_id })),
  );
  const entries = page.map((row) => ({
    id: String(row.id),
    action: row.action,
    actorUserId: row.actor_user_id,
    actor: row.name || row.email || row.actor_label,
    actorEmail: row.email,
    targetType: row.target_type,
    targetId: row.target_id,
    target: targets.get(`${row.target_type}:${row.target_id}`) ?? null,
    ip: row.ip,
    meta: row.meta,
    createdAt: row.created_at,
  }));
  return { entries, nextCursor: rows.length > pageSize ? (entries.at(-1)?.id ?? null) : null };
}
