// GET /api/approvals/:id — one approval of the workspace.
import { getDb } from '@/db';
import { idParam } from '@/lib/api/params';
import { withApi } from '@/lib/api/with-api';
import { AppError } from '@/lib/errors';
import { getApproval } from '@/lib/workflows/approvals/list-approvals';

export const GET = withApi({ auth: 'sessionOrApiKey' }, async ({ scope, params }) => {
  const approval = await getApproval(await getDb(), scope, idParam(params));
  if (!approval) throw new AppError('not_found', 'Approval not found');
  return Response.json(approval);
});
