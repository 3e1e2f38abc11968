// GET /api/v1/runs — runs of the workspace, newest first, by status, workflow and time, a page at a time.
import { otherMethods } from '@/lib/api/v1/other-methods';
import { withV1 } from '@/lib/api/v1/with-v1';
import { listRunsOperation } from '@/lib/openapi/operations/runs';
import { listRunsPage } from '@/lib/workflows/runs/list-runs-page';

export const GET = withV1(listRunsOperation, async ({ db, scope, query }) =>
  Response.json(await listRunsPage(db, scope, query)),
);

export const { POST, PUT, PATCH, DELETE } = otherMethods(['GET']);
