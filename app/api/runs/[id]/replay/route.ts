// POST /api/runs/:id/replay — replay a failed run from the failed step (default) or from the start.
import { getDb } from '@/db';
import { idParam } from '@/lib/api/params';
import { withApi } from '@/lib/api/with-api';
import { replayRun, replayRunSchema } from '@/lib/workflows/runs/replay-run';

export const POST = withApi({ auth: 'sessionOrApiKey', body: replayRunSchema }, async ({ scope, params, body }) =>
  Response.json(await replayRun(await getDb(), scope, idParam(params), body), { status: 202 }),
);
