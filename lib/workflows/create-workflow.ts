import 'server-only';
// Creates a workflow with its first version; the webhook URL token and signing secret are generated here.
import { randomBytes } from 'node:crypto';
import type { Db } from '@/db/client';
import { recordAudit } from '@/lib/audit/record-audit';
import { assertWithinLimit } from '@/lib/billing';
import { requireRole, type Scope } from '@/lib/auth/scope';
import { encryptSecret } from '@/lib/crypto/secret-box';
import { assertValidDefinition } from './assert-valid-definition';
import { triggerColumns } from './trigger-columns';
import { toWorkflowDto, type WorkflowDetailDto } from './workflow-dto';
import { assertEventSourceInWorkspace } from './assert-event-source';

/** How the workflow came to be: a copy or an import starts disabled and is audited as such. */
export type CreateWorkflowOptions = {
  enabled?: boolean;
  action?: 'workflow.created' | 'workflow.duplicated' | 'workflow.imported';
  meta?: Record<string, unknown>;
};

export async function createWorkflow(
  db: Db,
  scope: Scope,
  input: unknown,
  options: CreateWorkflowOptions = {},
): Promise<WorkflowDetailDto> {
  requireRole(scope, 'member');
  const definition = assertValidDefinition(input);
  await assertEventSourceInWorkspace(db, scope, definition);
  await assertWithinLimit(db, scope.workspaceId, 'workflows');
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('workflows')
      .values({
        workspace_id: scope.workspaceId,
        name: definition.name,
        description: definition.description ?? null,
        current_version: 1,
        webhook_token: `wh_${randomBytes(24).toString('base64url')}`,
        webhook_secret: encryptSecret(randomBytes(32).toString('base64url'), scope.workspaceId),
        created_by: scope.userId,
        ...(options.enabled === undefined ? {} : { enabled: options.enabled }),
        ...triggerColumns(definition),
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('workflow_versions')
      .values({ workflow_id: row.id, version: 1, definition: JSON.stringify(definition), created_by: scope.userId })
      .execute();
    await recordAudit(trx, {
      workspaceId: scope.workspaceId,
      actorUserId: scope.userId,
      action: options.action ?? 'workflow.created',
      targetType: 'workflow',
      targetId: row.id,
      meta: { name: definition.name, ...options.meta },
    });
    return { ...toWorkflowDto(row), definition };
  });
}
