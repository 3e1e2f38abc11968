import 'server-only';
// One workflow of the caller's workspace with its current definition, or 404.
import type { Db } from '@/db/client';
import { requireScope, type Scope } from '@/lib/auth/scope';
import { AppError } from '@/lib/errors';
import { loadDefinition } from './engine/load-run';
import { toWorkflowDto, type WorkflowDetailDto } from './workflow-dto';

export async function getWorkflowRow(db: Db, scope: Scope, workflowId: string) {
  const row = await db
    .selectFrom('workflows')
    .selectAll()
    .where('id', '=', workflowId)
    .where('workspace_id', '=', scope.workspaceId)
    .executeTakeFirst();
  if (!row) throw new AppError('not_found', 'Workflow not found');
  return row;
}

export async function getWorkflow(db: Db, scope: Scope, workflowId: string): Promise<WorkflowDetailDto> {
  requireScope(scope, 'read');
  const row = await getWorkflowRow(db, scope, workflowId);
  return { ...toWorkflowDto(row), definition: await loadDefinition(db, row.id, row.current_version) };
}
