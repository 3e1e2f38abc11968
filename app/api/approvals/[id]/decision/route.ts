// POST /api/approvals/:id/decision — approve or reject (admin or owner), with an optional comment; the run resumes.
import { getDb } from '@/db';
import { idParam } from '@/lib/api/params';
import { withApi } from '@/lib/api/with-api';
import { decideApproval, decideApprovalSchema } from '@/lib/workflows/approvals/decide-approval';

export const POST = withApi({ auth: 'sessionOrApiKey', body: decideApprovalSchema }, async ({ scope, params, body }) =>
  Response.json(await decideApproval(await getDb(), scope, idParam(params), body)),
);
