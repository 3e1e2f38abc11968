import 'server-only';
// The templates the caller's workspace has shared (private ones and public submissions with their review status).
import type { Db } from '@/db/client';
import { requireScope, type Scope } from '@/lib/auth/scope';
import { type SharedTemplateDto, toSharedTemplateDto } from './template-dto';

export async function listWorkspaceTemplates(db: Db, scope: Scope): Promise<SharedTemplateDto[]> {
  requireScope(scope, 'read');
  const rows = await db
    .selectFrom('workflow_templates')
    .selectAll()
    .where('workspace_id', '=', scope.workspaceId)
    .orderBy('created_at', 'desc')
    .limit(200)
    .execute();
  return rows.map(toSharedTemplateDto);
}
