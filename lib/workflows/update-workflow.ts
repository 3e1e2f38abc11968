import 'server-only';
// Saves an edit as a new version (runs already started keep theirs) and refreshes the trigger columns. A caller names
// the version it edited by `expectedVersion` (409 when stale) or by an `If-Match` ETag (`ifMatchVersion`: 412).
import type { Db } from '@/db/client';
import { recordAudit } from '@/lib/audit/record-audit';
import { requireRole, type Scope } from '@/lib/auth/scope';
import { AppError } from '@/lib/errors';
import { assertEventSourceInWorkspace } from './assert-event-source';
import { assertValidDefinition } from './assert-valid-definition';
import { triggerColumns } from './trigger-columns';
import { toWorkflowDto, type WorkflowDetailDto } from './workflow-dto';

export async function updateWorkflow(
  db: Db,
  scope: Scope,
  workflowId: string,
  input: unknown,
  options: { expectedVersion?: number; ifMatchVersion?: number } = {},
): Promise<WorkflowDetailDto> {
  requireRole(scope, 'member');
  const definition = assertValidDefinition(input, workflowId);
  await assertEventSourceInWorkspace(db, scope, definition);
  return db.transaction().execute(async (trx) => {
    const current = await trx
      .selectFrom('workflows')
      .select('current_version')
      .where('id', '=', workflowId)
      .where('workspace_id', '=', scope.workspaceId)
      .forUpdate()
      .executeTakeFirst();
    if (!current) throw new AppError('not_found', 'Workflow not found');
    if (options.ifMatchVersion !== undefined && options.ifMatchVersion !== current.current_version) {
      throw new AppError(
        'precondition_failed',
        `If-Match names version ${options.ifMatchVersion}, but the workflow is now at version ${current.current_version}; get it again and retry`,
        { currentVersion: current.current_version },
      );
    }
    if (options.expectedVersion !== undefined && options.expectedVersion !== current.current_version) {
      throw new AppError(
        'conflict',
        `The workflow changed since you opened it (now version ${current.current_version}); reload and try again`,
      );
    }
    const version = current.current_version + 1;
    await trx
      .insertInto('workflow_versions')
      .values({ workflow_id: workflowId, version, definition: JSON.stringify(definition), created_by: scope.userId })
      .execute();
    const row = await trx
      .updateTable('workflows')
      .set({
        name: definition.name,
        description: definition.description ?? null,
        current_version: version,
        updated_at: new Date(),
        ...triggerColumns(definition),
      })
      .where('id', '=', workflowId)
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(trx, {
      workspaceId: scope.workspaceId,
      actorUserId: scope.userId,
      action: 'workflow.updated',
      targetType: 'workflow',
      targetId: workflowId,
      meta: { version },
    });
    return { ...toWorkflowDto(row), definition };
  });
}
