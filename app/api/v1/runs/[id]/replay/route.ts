// POST /api/v1/runs/:id/replay — replay a failed run from the failed step or the start; the run that carries it.
import { otherMethods } from '@/lib/api/v1/other-methods';
import { withV1 } from '@/lib/api/v1/with-v1';
import { replayRunOperation } from '@/lib/openapi/operations/runs';
import { getRun } from '@/lib/workflows/runs/get-run';
import { replayRun } from '@/lib/workflows/runs/replay-run';

export const POST = withV1(replayRunOperation, async ({ db, scope, params, body }) => {
  const replay = await replayRun(db, scope, params.id, body);
  const run = await getRun(db, scope, replay.id);
  return Response.json(run, { status: 201, headers: { location: `/api/v1/runs/${run.id}` } });
});

export const { GET, PUT, PATCH, DELETE } = otherMethods(['POST']);
