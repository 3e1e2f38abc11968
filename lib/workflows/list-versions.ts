import 'server-only';
// A workflow's version history (newest first) and any one version's definition, for diff and restore.
import type { Db } from '@/db/client';
import { requireScope, type Scope } from '@/lib/auth/scope';
import { AppError } from '@/lib/errors';
import type { WorkflowDefinition } from './definition';
import { getWorkflowRow } from './get-workflow';
import { loadDefinition } from './engine/load-run';

export type WorkflowVersionDto = { version: number; createdAt: Date; createdBy: string | null };

/** Every version, or with `limit` a page of them below `beforeVersion` (fetch `limit + 1` to know if more remain). */
export async function listVersions(
  db: Db,
  scope: Scope,
  workflowId: string,
  page: { beforeVersion?: number; limit?: number } = {},
): Promise<WorkflowVersionDto[]> {
  requireScope(scope, 'read');
  await getWorkflowRow(db, scope, workflowId);
  let select = versionsOf(db, workflowId).orderBy('workflow_versions.version', 'desc');
  if (page.beforeVersion !== undefined) select = select.where('workflow_versions.version', '<', page.beforeVersion);
  if (page.limit !== undefined) select = select.limit(page.limit);
  return (await select.execute()).map(toVersionDto);
}

function versionsOf(db: Db, workflowId: string) {
  return db
    .selectFrom('workflow_versions')
    .leftJoin('users', 'users.id', 'workflow_versions.created_by')
    .select(['workflow_versions.version', 'workflow_versions.created_at', 'users.email as created_by_email'])
    .where('workflow_versions.workflow_id', '=', workflowId);
}

const toVersionDto = (row: { version: number; created_at: Date; created_by_email: string | null }) => ({
  version: row.version,
  createdAt: row.created_at,
  createdBy: row.created_by_email,
});

export async function getVersion(
  db: Db,
  scope: Scope,
  workflowId: string,
  version: number,
): Promise<WorkflowVersionDto & { definition: WorkflowDefinition }> {
  requireScope(scope, 'read');
  await getWorkflowRow(db, scope, workflowId);
  const row = await versionsOf(db, workflowId).where('workflow_versions.version', '=', version).executeTakeFirst();
  if (!row) throw new AppError('not_found', `Version ${version} not found`);
  return { ...toVersionDto(row), definition: await loadDefinition(db, workflowId, version) };
}
