// POST /api/admin/templates/:id/review — approve or reject a public template submission (platform admins).
import { getDb } from '@/db';
import { idParam } from '@/lib/api/params';
import { withApi } from '@/lib/api/with-api';
import { reviewSharedTemplate, reviewTemplateSchema } from '@/lib/templates/review-shared-template';

export const POST = withApi({ auth: 'admin', body: reviewTemplateSchema }, async ({ userId, params, body }) =>
  Response.json(await reviewSharedTemplate(await getDb(), userId, idParam(params), body.decision, body.note)),
);
