// POST /api/approvals/:id/link-decision — decide from the signed link in the approval email (no session needed).
import { getDb } from '@/db';
import { idParam } from '@/lib/api/params';
import { withApi } from '@/lib/api/with-api';
import { decideApprovalByLink, decideByLinkSchema } from '@/lib/workflows/approvals/decide-approval';

export const POST = withApi({ auth: 'public', body: decideByLinkSchema }, async ({ params, body }) =>
  Response.json(await decideApprovalByLink(await getDb(), idParam(params), body)),
);
