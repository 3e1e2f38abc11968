// GET /api/me — who is calling: the workspace, role and how they authenticated (session or API key).
import { getDb } from '@/db';
import { withApi } from '@/lib/api/with-api';
import { getWorkspace } from '@/lib/workspaces/get-workspace';

export const GET = withApi({ auth: 'sessionOrApiKey' }, async ({ scope }) =>
  Response.json({
    workspace: await getWorkspace(await getDb(), scope),
    role: scope.role,
    via: scope.via,
    scopes: scope.scopes,
    user_id: scope.userId,
  }),
);
