import 'server-only';
// Appends one entry to the audit log, with emails and credentials masked before they are stored.
import type { Db } from '@/db/client';
import { scrub, scrubDeep } from '@/lib/logger';
import type { AuditAction } from './audit-actions';

export type AuditEntry = {
  workspaceId: string | null;
  actorUserId?: string | null;
  actorLabel?: string | null;
  action: AuditAction;
  targetType?: string;
  targetId?: string;
  ip?: string | null;
  meta?: Record<string, unknown>;
};

export async function recordAudit(db: Db, entry: AuditEntry): Promise<void> {
  await db
    .insertInto('audit_logs')
    .values({
      workspace_id: entry.workspaceId,
      actor_user_id: entry.actorUserId ?? null,
      actor_label: entry.actorLabel ? scrub(entry.actorLabel) : null,
      action: entry.action,
      target_type: entry.targetType ?? null,
      target_id: entry.targetId ? scrub(entry.targetId) : null,
      ip: entry.ip ?? null,
      meta: JSON.stringify(scrubDeep(entry.meta ?? {}, { redactSecretFields: false })),
    })
    .execute();
}
