// POST /api/v1/workflows/:id/runs — trigger a run; with ?wait=10s answer once it finished (or the wait ran out).
import { otherMethods } from '@/lib/api/v1/other-methods';
import { withV1 } from '@/lib/api/v1/with-v1';
import { triggerRunOperation } from '@/lib/openapi/operations/runs';
import { triggerRun } from '@/lib/workflows/runs/trigger-run';

export const POST = withV1(triggerRunOperation, async ({ db, scope, params, query, body, req }) => {
  const run = await triggerRun(db, scope, params.id, { payload: body.payload, waitMs: query.wait, signal: req.signal });
  return Response.json(run, { status: 201, headers: { location: `/api/v1/runs/${run.id}` } });
});

export const { GET, PUT, PATCH, DELETE } = otherMethods(['POST']);
