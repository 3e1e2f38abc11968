// POST /api/runs/:id/cancel — cancel a run that has not finished.
import { getDb } from '@/db';
import { idParam } from '@/lib/api/params';
import { withApi } from '@/lib/api/with-api';
import { cancelRun } from '@/lib/workflows/runs/cancel-run';

export const POST = withApi({ auth: 'sessionOrApiKey' }, async ({ scope, params }) =>
  Response.json(await cancelRun(await getDb(), scope, idParam(params))),
);
