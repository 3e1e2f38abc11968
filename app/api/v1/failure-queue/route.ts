// GET /api/v1/failure-queue — failed runs not yet dealt with, newest first, a page at a time.
import { otherMethods } from '@/lib/api/v1/other-methods';
import { withV1 } from '@/lib/api/v1/with-v1';
import { listFailureQueueOperation } from '@/lib/openapi/operations/failure-queue';
import { listFailureQueuePage } from '@/lib/workflows/runs/list-runs-page';

export const GET = withV1(listFailureQueueOperation, async ({ db, scope, query }) =>
  Response.json(await listFailureQueuePage(db, scope, query)),
);

export const { POST, PUT, PATCH, DELETE } = otherMethods(['GET']);
