// GET /api/templates — the public template library (built-in, then approved shared), by category, in a locale.
import { z } from 'zod';
import { getDb } from '@/db';
import { withApi } from '@/lib/api/with-api';
import { locales } from '@/lib/i18n/locales';
import { templateCategories } from '@/lib/templates';
import { listTemplates } from '@/lib/templates/list-templates';

const querySchema = z.object({
  category: z.enum(templateCategories).optional(),
  locale: z.enum(locales).default('en'),
});

export const GET = withApi({ auth: 'public', query: querySchema }, async ({ query }) =>
  Response.json(
    { templates: await listTemplates(await getDb(), query) },
    { headers: { 'cache-control': 'public, max-age=60' } },
  ),
);
