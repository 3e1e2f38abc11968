// GET /api/approvals — the approvals inbox (pending first), optionally by status.
import { getDb } from '@/db';
import { withApi } from '@/lib/api/with-api';
import { listApprovals, listApprovalsQuerySchema } from '@/lib/workflows/approvals/list-approvals';

export const GET = withApi({ auth: 'sessionOrApiKey', query: listApprovalsQuerySchema }, async ({ scope, query }) =>
  Response.json({ approvals: await listApprovals(await getDb(), scope, query) }),
);
