// POST /api/v1/templates/{slug}/use — copies a template into the workspace: 201 with the new (disabled) workflow and
// its setup checklist.
import { otherMethods } from '@/lib/api/v1/other-methods';
import { withV1 } from '@/lib/api/v1/with-v1';
import { useTemplateOperation } from '@/lib/openapi/operations/templates';
// NOTE: renamed on import: React's lint rules take any `use…` call for a hook.
import { useTemplate as copyTemplate } from '@/lib/templates/use-template';
import { getSetupChecklist } from '@/lib/workflows/get-setup-checklist';

export const POST = withV1(useTemplateOperation, async ({ db, scope, params, body }) => {
  const workflow = await copyTemplate(db, scope, params.slug, body);
  const setup = await getSetupChecklist(db, scope, workflow.id);
  return Response.json({ ...workflow, setup }, { status: 201 });
});

export const { GET, PUT, PATCH, DELETE } = otherMethods(['POST']);
