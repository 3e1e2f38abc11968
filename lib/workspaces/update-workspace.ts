import 'server-only';
// Owners and admins rename the workspace and choose who may decide approvals; each change is audited.
import type { Db } from '@/db/client';
import { recordAudit } from '@/lib/audit/record-audit';
import { requireRole, type Scope } from '@/lib/auth/scope';
import { AppError } from '@/lib/errors';
import { getWorkspace } from './get-workspace';
import { inTransaction } from './in-transaction';
import { assertWorkspaceActive } from './list-workspaces';
import { type UpdateWorkspaceInput, updateWorkspaceSchema } from './schemas';

export async function updateWorkspace(db: Db, scope: Scope, input: UpdateWorkspaceInput) {
  requireRole(scope, 'admin', 'admin', 'changing workspace settings');
  const changes = updateWorkspaceSchema.parse(input);
  await inTransaction(db, async (trx) => {
    await assertWorkspaceActive(trx, scope.workspaceId);
    const before = await trx
      .selectFrom('workspaces')
      .select(['name', 'approvers'])
      .where('id', '=', scope.workspaceId)
      .forUpdate()
      .executeTakeFirst();
    if (!before) throw new AppError('not_found', 'Workspace not found');
    const name = changes.name ?? before.name;
    const approvers = changes.approvers ?? before.approvers;
    if (name === before.name && approvers === before.approvers) return;
    await trx.updateTable('workspaces').set({ name, approvers }).where('id', '=', scope.workspaceId).execute();
    const audit = { workspaceId: scope.workspaceId, actorUserId: scope.userId, targetType: 'workspace' };
    if (name !== before.name)
      await recordAudit(trx, {
        ...audit,
        action: 'workspace.renamed',
        targetId: scope.workspaceId,
        meta: { from: before.name, to: name },
      });
    if (approvers !== before.approvers)
      await recordAudit(trx, {
        ...audit,
        action: 'workspace.approvers_changed',
        targetId: scope.workspaceId,
        meta: { from: before.approvers, to: approvers },
      });
  });
  return getWorkspace(db, scope);
}
