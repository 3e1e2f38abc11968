// POST /api/failure-queue/replay — replay many failed runs at once; each answers for itself.
import { getDb } from '@/db';
import { withApi } from '@/lib/api/with-api';
import { replayRuns, replayRunsSchema } from '@/lib/workflows/runs/replay-runs';

export const POST = withApi({ auth: 'sessionOrApiKey', body: replayRunsSchema }, async ({ scope, body }) =>
  Response.json(await replayRuns(await getDb(), scope, body)),
);
