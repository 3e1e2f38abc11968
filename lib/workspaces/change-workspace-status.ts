import 'server-only';
// Moves a workspace through its lifecycle (suspend, resume, delete, restore, purge) under a row lock, audited.
import type { Transaction } from 'kysely';
import type { Db } from '@/db/client';
import type { Database, WorkspaceStatus } from '@/db/types';
import { recordAudit } from '@/lib/audit/record-audit';
import { requireRole, type Scope } from '@/lib/auth/scope';
import { AppError } from '@/lib/errors';
import { inTransaction, isUuid } from './in-transaction';
import { addDays, type LifecycleEvent, nextStatus, RESTORE_GRACE_DAYS } from './lifecycle';

export type WorkspaceStatusDto = {
  id: string;
  name: string;
  status: WorkspaceStatus;
  statusChangedAt: Date;
  purgeAfter: Date | null;
};
export type StatusActor = { userId: string | null; label?: string };

const auditActions = {
  suspend: 'workspace.suspended',
  resume: 'workspace.resumed',
  delete: 'workspace.soft_deleted',
  restore: 'workspace.restored',
  purge: 'workspace.purged',
} as const satisfies Record<LifecycleEvent, string>;

/** Authorisation is the caller's: platform admins, or the owner helpers below. */
export async function changeWorkspaceStatus(
  db: Db,
  actor: StatusActor,
  workspaceId: string,
  event: LifecycleEvent,
  now = new Date(),
): Promise<WorkspaceStatusDto> {
  if (!isUuid(workspaceId)) throw new AppError('not_found', 'Workspace not found');
  return inTransaction(db, async (trx) => {
    const workspace = await trx
      .selectFrom('workspaces')
      .select(['status', 'status_changed_at'])
      .where('id', '=', workspaceId)
      .forUpdate()
      .executeTakeFirst();
    if (!workspace) throw new AppError('not_found', 'Workspace not found');
    const status = nextStatus(workspace.status, event, { statusChangedAt: workspace.status_changed_at, now });
    if (event === 'purge') await deleteTenantData(trx, workspaceId);
    const updated = await trx
      .updateTable('workspaces')
      .set({
        status,
        status_changed_at: now,
        purge_after: event === 'delete' ? addDays(now, RESTORE_GRACE_DAYS) : null,
      })
      .where('id', '=', workspaceId)
      .returning(['id', 'name', 'status', 'status_changed_at', 'purge_after'])
      .executeTakeFirstOrThrow();
    await recordAudit(trx, {
      workspaceId,
      actorUserId: actor.userId,
      actorLabel: actor.label,
      action: auditActions[event],
      targetType: 'workspace',
      targetId: workspaceId,
      meta: { from: workspace.status, to: status },
    });
    return {
      id: updated.id,
      name: updated.name,
      status: updated.status,
      statusChangedAt: updated.status_changed_at,
      purgeAfter: updated.purge_after,
    };
  });
}

/** Tenant data goes on purge; the workspace row stays as a tombstone (and keeps its audit trail). */
async function deleteTenantData(trx: Transaction<Database>, workspaceId: string): Promise<void> {
  await trx.deleteFrom('api_keys').where('workspace_id', '=', workspaceId).execute();
  await trx.deleteFrom('invitations').where('workspace_id', '=', workspaceId).execute();
  await trx.deleteFrom('memberships').where('workspace_id', '=', workspaceId).execute();
}

export async function deleteOwnWorkspace(db: Db, scope: Scope, now = new Date()): Promise<WorkspaceStatusDto> {
  requireRole(scope, 'owner');
  return changeWorkspaceStatus(db, { userId: scope.userId }, scope.workspaceId, 'delete', now);
}

export async function restoreOwnWorkspace(db: Db, scope: Scope, now = new Date()): Promise<WorkspaceStatusDto> {
  requireRole(scope, 'owner');
  // NOTE: restoring leads to active, so an owner must not undo the deletion of a suspended workspace.
  const deletion = await db
    .selectFrom('audit_logs')
    .select('meta')
    .where('workspace_id', '=', scope.workspaceId)
    .where('action', '=', auditActions.delete)
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (deletion?.meta.from === 'suspended')
    throw new AppError('forbidden', 'This workspace was suspended when it was deleted; contact support to restore it');
  return changeWorkspaceStatus(db, { userId: scope.userId }, scope.workspaceId, 'restore', now);
}
