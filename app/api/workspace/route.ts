// PATCH /api/workspace — rename the current workspace or choose its approvers (owners and admins);
// DELETE /api/workspace — the owner deletes the current workspace (restorable for 30 days, then purged).
import { getDb } from '@/db';
import { withApi } from '@/lib/api/with-api';
import { deleteOwnWorkspace } from '@/lib/workspaces/change-workspace-status';
import { updateWorkspaceSchema } from '@/lib/workspaces/schemas';
import { updateWorkspace } from '@/lib/workspaces/update-workspace';

export const DELETE = withApi({ auth: 'session' }, async ({ scope }) =>
  Response.json(await deleteOwnWorkspace(await getDb(), scope)),
);

export const PATCH = withApi({ auth: 'sessionOrApiKey', body: updateWorkspaceSchema }, async ({ scope, body }) =>
  Response.json(await updateWorkspace(await getDb(), scope, body)),
);
