// GET /api/guardian/upgrade/plans/:id — one upgrade plan.
import { getDb } from '@/db';
import { withApi } from '@/lib/api/with-api';
import { getUpgradePlan } from '@/lib/guardian/upgrade/get-plan';

export const GET = withApi({ auth: 'admin' }, async ({ params }) =>
  Response.json(await getUpgradePlan(await getDb(), String(params.id))),
);
