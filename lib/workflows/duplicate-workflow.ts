import 'server-only';
// Copies a workflow's current version as a new workflow in the same workspace: disabled, counted against the plan.
import type { Db } from '@/db/client';
import type { Scope } from '@/lib/auth/scope';
import { limits } from './definition';
import { createWorkflow } from './create-workflow';
import { getWorkflow } from './get-workflow';
import type { DuplicateWorkflowInput } from './schemas';
import type { WorkflowDetailDto } from './workflow-dto';

const COPY_SUFFIX = ' (copy)';

/** "<name> (copy)", shortening the name so the whole stays within the name limit. */
export function copyName(name: string): string {
  const room = limits.nameLength - COPY_SUFFIX.length;
  return `${name.length > room ? name.slice(0, room).trimEnd() : name}${COPY_SUFFIX}`;
}

export async function duplicateWorkflow(
  db: Db,
  scope: Scope,
  workflowId: string,
  input: DuplicateWorkflowInput = {},
): Promise<WorkflowDetailDto> {
  const source = await getWorkflow(db, scope, workflowId);
  const definition = { ...source.definition, name: input.name ?? copyName(source.name) };
  return createWorkflow(db, scope, definition, {
    enabled: false,
    action: 'workflow.duplicated',
    meta: { sourceWorkflowId: source.id, sourceVersion: source.currentVersion },
  });
}
