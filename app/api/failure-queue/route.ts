// GET /api/failure-queue — failed runs waiting for someone to inspect or replay them.
import { getDb } from '@/db';
import { withApi } from '@/lib/api/with-api';
import { listRuns, listRunsQuerySchema } from '@/lib/workflows/runs/list-runs';

const querySchema = listRunsQuerySchema.omit({ status: true, deadLettered: true });

export const GET = withApi({ auth: 'sessionOrApiKey', query: querySchema }, async ({ scope, query }) =>
  Response.json(await listRuns(await getDb(), scope, { ...query, deadLettered: 'true' })),
);
