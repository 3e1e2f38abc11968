// POST /api/v1/workflows/:id/disable — switch the workflow off.
import { otherMethods } from '@/lib/api/v1/other-methods';
import { withV1 } from '@/lib/api/v1/with-v1';
import { disableWorkflowOperation } from '@/lib/openapi/operations/workflows';
import { setWorkflowEnabled } from '@/lib/workflows/set-workflow-enabled';

export const POST = withV1(disableWorkflowOperation, async ({ db, scope, params }) =>
  Response.json(await setWorkflowEnabled(db, scope, params.id, false)),
);

export const { GET, PUT, PATCH, DELETE } = otherMethods(['POST']);
