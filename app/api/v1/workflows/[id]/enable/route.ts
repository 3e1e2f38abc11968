// POST /api/v1/workflows/:id/enable — switch the workflow on (409 with the open setup items when it is not ready).
import { otherMethods } from '@/lib/api/v1/other-methods';
import { withV1 } from '@/lib/api/v1/with-v1';
import { enableWorkflowOperation } from '@/lib/openapi/operations/workflows';
import { setWorkflowEnabled } from '@/lib/workflows/set-workflow-enabled';

export const POST = withV1(enableWorkflowOperation, async ({ db, scope, params }) =>
  Response.json(await setWorkflowEnabled(db, scope, params.id, true)),
);

export const { GET, PUT, PATCH, DELETE } = otherMethods(['POST']);
