// POST /api/v1/runs/:id/cancel — cancel a run that has not finished; the cancelled run.
import { otherMethods } from '@/lib/api/v1/other-methods';
import { withV1 } from '@/lib/api/v1/with-v1';
import { cancelRunOperation } from '@/lib/openapi/operations/runs';
import { cancelRun } from '@/lib/workflows/runs/cancel-run';
import { getRun } from '@/lib/workflows/runs/get-run';

export const POST = withV1(cancelRunOperation, async ({ db, scope, params }) => {
  await cancelRun(db, scope, params.id);
  return Response.json(await getRun(db, scope, params.id));
});

export const { GET, PUT, PATCH, DELETE } = otherMethods(['POST']);
