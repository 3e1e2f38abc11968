import 'server-only';
// "Share as template": copies a workflow's current definition into a template, private to the workspace or submitted
// to the public library, where it waits for a platform admin's review.
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import type { Db } from '@/db/client';
import { requireRole, type Scope } from '@/lib/auth/scope';
import { assertValidDefinition } from '@/lib/workflows/assert-valid-definition';
import { getWorkflow } from '@/lib/workflows/get-workflow';
import { templateCategories } from './define-template';
import { getCatalogTemplate } from './index';
import { sanitizeDefinition } from './sanitize-definition';
import { type SharedTemplateDto, toSharedTemplateDto } from './template-dto';

export const shareTemplateSchema = z.object({
  visibility: z.enum(['workspace', 'public']),
  title: z.string().trim().min(3, 'Give the template a title of at least 3 characters').max(120),
  summary: z.string().trim().min(10, 'Say in a sentence what the template does').max(500),
  category: z.enum(templateCategories).optional(),
});
export type ShareTemplateInput = z.input<typeof shareTemplateSchema>;

/** `weekly-sales-report-3f9a1c`: the title's ASCII words plus a random suffix, so slugs never collide. */
export function templateSlug(title: string): string {
  const words = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return `${words || 'template'}-${randomBytes(3).toString('hex')}`;
}

export async function shareWorkflowAsTemplate(
  db: Db,
  scope: Scope,
  workflowId: string,
  input: ShareTemplateInput,
): Promise<SharedTemplateDto> {
  const { visibility, title, summary, category } = shareTemplateSchema.parse(input);
  // NOTE: publishing takes a workflow out of the workspace, so it needs a workspace admin; sharing inside it, a member.
  requireRole(scope, visibility === 'public' ? 'admin' : 'member');
  const workflow = await getWorkflow(db, scope, workflowId);
  const definition = assertValidDefinition(
    visibility === 'public' ? sanitizeDefinition(workflow.definition) : workflow.definition,
  );
  let slug = templateSlug(title);
  while (getCatalogTemplate(slug)) slug = templateSlug(title);
  const row = await db
    .insertInto('workflow_templates')
    .values({
      workspace_id: scope.workspaceId,
      source_workflow_id: workflow.id,
      slug,
      title,
      summary,
      category: category ?? null,
      definition: JSON.stringify({ ...definition, name: title }),
      visibility,
      status: visibility === 'public' ? 'pending_review' : 'private',
      created_by: scope.userId,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toSharedTemplateDto(row);
}
