import 'server-only';
// A workflow's current definition as a downloadable file. The definition names connector credentials only by name,
// and the webhook token and signing secret live on the workflow row, so neither is ever in the file.
import type { Db } from '@/db/client';
import type { Scope } from '@/lib/auth/scope';
import { getWorkflow } from './get-workflow';
import { WORKFLOW_FILE_FORMAT, WORKFLOW_FILE_VERSION, type WorkflowFile } from './schemas';

/** `Weekly Sales Report!` → `weekly-sales-report` (ASCII only, at most 60 characters; `workflow` when nothing is left). */
export function workflowSlug(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .slice(0, 60)
    .replace(/^-+|-+$/g, '');
  return slug || 'workflow';
}

export async function exportWorkflow(
  db: Db,
  scope: Scope,
  workflowId: string,
  now: Date = new Date(),
): Promise<{ filename: string; file: WorkflowFile }> {
  const workflow = await getWorkflow(db, scope, workflowId);
  return {
    filename: `${workflowSlug(workflow.name)}.levqor.json`,
    file: {
      format: WORKFLOW_FILE_FORMAT,
      formatVersion: WORKFLOW_FILE_VERSION,
      exportedAt: now.toISOString(),
      definition: workflow.definition,
    },
  };
}
