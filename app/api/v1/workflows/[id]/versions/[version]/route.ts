// GET /api/v1/workflows/:id/versions/:version — one saved version with its definition.
import { otherMethods } from '@/lib/api/v1/other-methods';
import { withV1 } from '@/lib/api/v1/with-v1';
import { getWorkflowVersionOperation } from '@/lib/openapi/operations/workflows';
import { getVersion } from '@/lib/workflows/list-versions';

export const GET = withV1(getWorkflowVersionOperation, async ({ db, scope, params }) =>
  Response.json(await getVersion(db, scope, params.id, params.version)),
);

export const { POST, PUT, PATCH, DELETE } = otherMethods(['GET']);
