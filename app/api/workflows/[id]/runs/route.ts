// POST /api/workflows/:id/runs — start a run by hand with an optional payload; 202 with the run id.
import { getDb } from '@/db';
import { idParam } from '@/lib/api/params';
import { withApi } from '@/lib/api/with-api';
import { startRun, startRunSchema } from '@/lib/workflows/runs/start-run';

export const POST = withApi(
  { auth: 'sessionOrApiKey', body: startRunSchema, maxBodyBytes: 256 * 1024 },
  async ({ scope, params, body }) =>
    Response.json(await startRun(await getDb(), scope, idParam(params), body), { status: 202 }),
);
