import 'server-only';
// The platform-wide audit log for operators: every workspace and platform entry, newest first, paged by id,
// filtered by action prefix or workspace; actor emails masked as in the workspace view.
import { z } from 'zod';
import { pageLimit } from '@/lib/api/schemas';
import type { Db } from '@/db/client';
import { scrub } from '@/lib/logger';

export const platformAuditQuerySchema = z.object({
  before: z
    .string()
    .regex(/^\d{1,18}$/)
    .optional(),
  action: z
    .string()
    .trim()
    .regex(/^[a-z_.]{1,60}$/)
    .optional(),
  workspace_id: z.uuid().optional(),
  limit: pageLimit(200, 50),
});

export type PlatformAuditEntry = {
  id: string;
  action: string;
  actor: string | null;
  workspaceId: string | null;
  workspaceName: string | null;
  targetType: string | null;
  targetId: string | null;
  ip: string | null;
  meta: Record<string, unknown>;
  createdAt: Date;
};

export async function listPlatformAudit(
  db: Db,
  { before, action, workspace_id, limit }: z.infer<typeof platformAuditQuerySchema>,
): Promise<{ entries: PlatformAuditEntry[]; nextCursor: string | null }> {
  let query = db
    .selectFrom('audit_logs')
    .leftJoin('users', 'users.id', 'audit_logs.actor_user_id')
    .leftJoin('workspaces', 'workspaces.id', 'audit_logs.workspace_id')
    .select([
      'audit_logs.id',
      'action',
      'actor_label',
      'users.email',
      'audit_logs.workspace_id',
      'workspaces.name as workspace_name',
      'target_type',
      'target_id',
      'ip',
      'meta',
      'audit_logs.created_at',
    ])
    .orderBy('audit_logs.id', 'desc')
    .limit(limit + 1);
  if (before) query = query.where('audit_logs.id', '<', before);
  if (action) query = query.where('action', 'like', `${action.replace(/_/g, '\\_')}%`);
  if (workspace_id) query = query.where('audit_logs.workspace_id', '=', workspace_id);
  const rows = await query.execute();
  const entries = rows.slice(0, limit).map((row) => ({
    id: String(row.id),
    action: row.action,
    actor: row.email ? scrub(row.email) : row.actor_label,
    workspaceId: row.workspace_id,
    workspaceName: row.workspace_name,
    targetType: row.target_type,
    targetId: row.target_id,
    ip: row.ip,
    meta: row.meta,
    createdAt: row.created_at,
  }));
  return { entries, nextCursor: rows.length > limit ? (entries.at(-1)?.id ?? null) : null };
}
