// GET /api/v1/approvals — approvals of one status (pending by default), newest first, a page at a time.
import { otherMethods } from '@/lib/api/v1/other-methods';
import { withV1 } from '@/lib/api/v1/with-v1';
import { listApprovalsOperation } from '@/lib/openapi/operations/approvals';
import { listApprovalsPage } from '@/lib/workflows/approvals/list-approvals-page';

export const GET = withV1(listApprovalsOperation, async ({ db, scope, query }) =>
  Response.json(await listApprovalsPage(db, scope, query)),
);

export const { POST, PUT, PATCH, DELETE } = otherMethods(['GET']);
