// DELETE /api/workspace — the owner deletes the current workspace (restorable for 30 days, then purged).
import { getDb } from '@/db';
import { withApi } from '@/lib/api/with-api';
import { deleteOwnWorkspace } from '@/lib/workspaces/change-workspace-status';

export const DELETE = withApi({ auth: 'session' }, async ({ scope }) =>
  Response.json(await deleteOwnWorkspace(await getDb(), scope)),
);
