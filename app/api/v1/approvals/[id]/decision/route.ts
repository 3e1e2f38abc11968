// POST /api/v1/approvals/{id}/decision — approve or reject a pending approval (admin scope; the approvers rule applies).
import { otherMethods } from '@/lib/api/v1/other-methods';
import { withV1 } from '@/lib/api/v1/with-v1';
import { decideApprovalOperation } from '@/lib/openapi/operations/approvals';
import { decideApproval } from '@/lib/workflows/approvals/decide-approval';

export const POST = withV1(decideApprovalOperation, async ({ db, scope, params, body }) =>
  Response.json(await decideApproval(db, scope, params.id, body)),
);

export const { GET, PUT, PATCH, DELETE } = otherMethods(['POST']);
