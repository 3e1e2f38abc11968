import 'server-only';
// An event trigger may only listen to a workflow of the same workspace.
import type { Db } from '@/db/client';
import type { Scope } from '@/lib/auth/scope';
import { AppError } from '@/lib/errors';
import type { WorkflowDefinition } from './definition';

export async function assertEventSourceInWorkspace(
  db: Db,
  scope: Scope,
  definition: WorkflowDefinition,
): Promise<void> {
  if (definition.trigger.type !== 'event') return;
  const source = await db
    .selectFrom('workflows')
    .select('id')
    .where('id', '=', definition.trigger.workflowId)
    .where('workspace_id', '=', scope.workspaceId)
    .executeTakeFirst();
  if (!source) {
    throw new AppError('validation_failed', 'The workflow is not valid', {
      issues: [
        {
          path: 'trigger.workflowId',
          code: 'unknown_workflow',
          message: 'The event trigger names a workflow that is not in this workspace',
        },
      ],
    });
  }
}
