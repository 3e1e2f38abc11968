// GET /api/admin/templates — public template submissions by review status (pending first-in first), platform admins.
import { getDb } from '@/db';
import { withApi } from '@/lib/api/with-api';
import { listForReviewQuerySchema, listTemplatesForReview } from '@/lib/templates/review-shared-template';

export const GET = withApi({ auth: 'admin', query: listForReviewQuerySchema }, async ({ query }) =>
  Response.json({ templates: await listTemplatesForReview(await getDb(), query.status) }),
);
