// GET /api/runs — runs of the workspace, filtered by status, workflow, date range, failure queue.
import { getDb } from '@/db';
import { withApi } from '@/lib/api/with-api';
import { listRuns, listRunsQuerySchema } from '@/lib/workflows/runs/list-runs';

export const GET = withApi({ auth: 'sessionOrApiKey', query: listRunsQuerySchema }, async ({ scope, query }) =>
  Response.json(await listRuns(await getDb(), scope, query)),
);
