// GET /api/members — the members of the caller's workspace.
import { getDb } from '@/db';
import { withApi } from '@/lib/api/with-api';
import { requireScope } from '@/lib/auth/scope';
import { listMembers } from '@/lib/workspaces/list-members';

export const GET = withApi({ auth: 'sessionOrApiKey' }, async ({ scope }) => {
  requireScope(scope, 'read');
  return Response.json({ data: await listMembers(await getDb(), scope) });
});
