// GET /api/v1/templates/{slug} — one template: texts, steps, the connections it needs and its full definition.
import { otherMethods } from '@/lib/api/v1/other-methods';
import { withV1 } from '@/lib/api/v1/with-v1';
import { AppError } from '@/lib/errors';
import { getTemplateOperation } from '@/lib/openapi/operations/templates';
import { getTemplateDetail } from '@/lib/templates/list-templates';

export const GET = withV1(getTemplateOperation, async ({ db, params, query }) => {
  const template = await getTemplateDetail(db, params.slug, query.locale);
  if (!template) throw new AppError('not_found', 'Template not found');
  return Response.json(template);
});

export const { POST, PUT, PATCH, DELETE } = otherMethods(['GET']);
