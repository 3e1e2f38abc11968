// POST /api/admin/workspaces/:id/lifecycle — suspend, resume, delete, restore or purge a workspace (platform admins).
import { getDb } from '@/db';
import { withApi } from '@/lib/api/with-api';
import { changeWorkspaceStatus } from '@/lib/workspaces/change-workspace-status';
import { workspaceLifecycleSchema } from '@/lib/workspaces/schemas';

export const POST = withApi({ auth: 'admin', body: workspaceLifecycleSchema }, async ({ userId, params, body }) =>
  Response.json(await changeWorkspaceStatus(await getDb(), { userId, label: 'admin' }, String(params.id), body.event)),
);
