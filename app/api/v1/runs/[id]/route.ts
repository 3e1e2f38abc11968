// GET /api/v1/runs/:id — a run with its step timeline; with ?wait=10s answer once it finished (or the wait ran out).
import { otherMethods } from '@/lib/api/v1/other-methods';
import { withV1 } from '@/lib/api/v1/with-v1';
import { getRunOperation } from '@/lib/openapi/operations/runs';
import { getRun } from '@/lib/workflows/runs/get-run';
import { waitForRun } from '@/lib/workflows/runs/wait-for-run';

export const GET = withV1(getRunOperation, async ({ db, scope, params, query, req }) => {
  if (query.wait) await waitForRun(db, scope, params.id, { timeoutMs: query.wait, signal: req.signal });
  return Response.json(await getRun(db, scope, params.id));
});

export const { POST, PUT, PATCH, DELETE } = otherMethods(['GET']);
