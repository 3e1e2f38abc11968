// POST /api/v1/failure-queue/replay — replay many failed runs at once; each answers for itself.
import { otherMethods } from '@/lib/api/v1/other-methods';
import { withV1 } from '@/lib/api/v1/with-v1';
import { replayFailureQueueOperation } from '@/lib/openapi/operations/failure-queue';
import { replayRuns } from '@/lib/workflows/runs/replay-runs';

export const POST = withV1(replayFailureQueueOperation, async ({ db, scope, body }) =>
  Response.json(await replayRuns(db, scope, body)),
);

export const { GET, PUT, PATCH, DELETE } = otherMethods(['POST']);
