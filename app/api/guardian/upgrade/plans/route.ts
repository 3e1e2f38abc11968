// GET /api/guardian/upgrade/plans — upgrade plans filtered by status and category, most urgent first.
import { getDb } from '@/db';
import { withApi } from '@/lib/api/with-api';
import { listPlansQuerySchema, listUpgradePlans } from '@/lib/guardian/upgrade/list-plans';

export const GET = withApi({ auth: 'admin', query: listPlansQuerySchema }, async ({ query }) =>
  Response.json({ data: await listUpgradePlans(await getDb(), query) }),
);
