// GET /api/templates/:slug — one public template: texts, trigger, steps, connectors and the full definition.
import { getDb } from '@/db';
import { withApi } from '@/lib/api/with-api';
import { AppError } from '@/lib/errors';
import { getTemplateDetail } from '@/lib/templates/list-templates';
import { templateDetailQuerySchema } from '@/lib/templates/schemas';

export const GET = withApi({ auth: 'public', query: templateDetailQuerySchema }, async ({ params, query }) => {
  const template = await getTemplateDetail(await getDb(), String(params.slug).slice(0, 120), query.locale);
  if (!template) throw new AppError('not_found', 'Template not found');
  return Response.json(template, { headers: { 'cache-control': 'public, max-age=60' } });
});
