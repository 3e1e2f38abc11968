// GET /api/templates — the public template library (built-in, then approved shared), by category, in a locale.
import { getDb } from '@/db';
import { withApi } from '@/lib/api/with-api';
import { listTemplates } from '@/lib/templates/list-templates';
import { listTemplatesQuerySchema } from '@/lib/templates/schemas';

export const GET = withApi({ auth: 'public', query: listTemplatesQuerySchema }, async ({ query }) =>
  Response.json(
    { templates: await listTemplates(await getDb(), query) },
    { headers: { 'cache-control': 'public, max-age=60' } },
  ),
);
