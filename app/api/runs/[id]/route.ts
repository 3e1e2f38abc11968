// GET /api/runs/:id — the run with its step timeline and approvals.
import { getDb } from '@/db';
import { idParam } from '@/lib/api/params';
import { withApi } from '@/lib/api/with-api';
import { getRun } from '@/lib/workflows/runs/get-run';

export const GET = withApi({ auth: 'sessionOrApiKey' }, async ({ scope, params }) =>
  Response.json(await getRun(await getDb(), scope, idParam(params))),
);
