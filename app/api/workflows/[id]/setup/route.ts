// GET /api/workflows/:id/setup — the setup checklist: connections to add, fields to fill, a test run; `blocking` lists
// what keeps the workflow from being switched on.
import { getDb } from '@/db';
import { idParam } from '@/lib/api/params';
import { withApi } from '@/lib/api/with-api';
import { getSetupChecklist } from '@/lib/workflows/get-setup-checklist';

export const GET = withApi({ auth: 'sessionOrApiKey' }, async ({ scope, params }) =>
  Response.json(await getSetupChecklist(await getDb(), scope, idParam(params))),
);
