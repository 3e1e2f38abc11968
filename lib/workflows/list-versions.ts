import 'server-only';
// A workflow's version history (newest first) and any one version's definition, for diff and restore.
import type { Db } from '@/db/client';
import { requireScope, type Scope } from '@/lib/auth/scope';
import { AppError } from '@/lib/errors';
import type { WorkflowDefinition } from './definition';
import { getWorkflowRow } from './get-workflow';
import { loadDefinition } from './engine/load-run';

export async function listVersions(db: Db, scope: Scope, workflowId: string) {
  requireScope(scope, 'read');
  await getWorkflowRow(db, scope, workflowId);
  const rows = await db
    .selectFrom('workflow_versions')
    .leftJoin('users', 'users.id', 'workflow_versions.created_by')
    .select(['workflow_versions.version', 'workflow_versions.created_at', 'users.email as created_by_email'])
    .where('workflow_versions.workflow_id', '=', workflowId)
    .orderBy('workflow_versions.version', 'desc')
    .execute();
  return rows.map((row) => ({ version: row.version, createdAt: row.created_at, createdBy: row.created_by_email }));
}

export async function getVersion(
  db: Db,
  scope: Scope,
  workflowId: string,
  version: number,
): Promise<{ version: number; definition: WorkflowDefinition }> {
  requireScope(scope, 'read');
  await getWorkflowRow(db, scope, workflowId);
  const exists = await db
    .selectFrom('workflow_versions')
    .select('version')
    .where('workflow_id', '=', workflowId)
    .where('version', '=', version)
    .executeTakeFirst();
  if (!exists) throw new AppError('not_found', `Version ${version} not found`);
  return { version, definition: await loadDefinition(db, workflowId, version) };
}
