import 'server-only';
// "Use this template": copies a built-in template, an approved public one, or one the workspace shared, into the
// caller's workspace as a new workflow, disabled until its setup checklist is done.
import { sql } from 'kysely';
import type { Db } from '@/db/client';
import { requireRole, type Scope } from '@/lib/auth/scope';
import { AppError } from '@/lib/errors';
import { createWorkflow } from '@/lib/workflows/create-workflow';
import type { WorkflowDefinitionInput } from '@/lib/workflows/definition';
import type { WorkflowDetailDto } from '@/lib/workflows/workflow-dto';
import { getCatalogTemplate } from './index';
import { sharedDefinition } from './template-dto';

export type UseTemplateOverrides = { name?: string };

async function sharedTemplateFor(db: Db, scope: Scope, slug: string) {
  return db
    .selectFrom('workflow_templates')
    .select(['id', 'definition'])
    .where('slug', '=', slug)
    .where((eb) =>
      eb.or([
        eb('workspace_id', '=', scope.workspaceId),
        eb.and([eb('visibility', '=', 'public'), eb('status', '=', 'approved')]),
      ]),
    )
    .executeTakeFirst();
}

// NOTE: named as the product calls it; callers import it under another name, since React's lint rules treat
// any `use…` call outside a component as a hook.
export async function useTemplate(
  db: Db,
  scope: Scope,
  slug: string,
  overrides: UseTemplateOverrides = {},
): Promise<WorkflowDetailDto> {
  requireRole(scope, 'member');
  const builtin = getCatalogTemplate(slug);
  const shared = builtin ? undefined : await sharedTemplateFor(db, scope, slug);
  const definition: WorkflowDefinitionInput | undefined =
    builtin?.definition ?? (shared ? sharedDefinition(shared) : undefined);
  if (!definition) throw new AppError('not_found', 'Template not found');
  const name = overrides.name?.trim().slice(0, 120) || definition.name;
  // NOTE: a copy starts switched off: its setup checklist (placeholders, connections) must be done first.
  const workflow = await createWorkflow(
    db,
    scope,
    { ...definition, name },
    { enabled: false, meta: { template: slug } },
  );
  if (shared)
    await db
      .updateTable('workflow_templates')
      .set({ use_count: sql`use_count + 1` })
      .where('id', '=', shared.id)
      .execute();
  return workflow;
}
