// POST /api/admin/workspaces/:id/lifecycle — suspend, resume, delete, restore or purge a workspace (platform admins).
import { z } from 'zod';
import { getDb } from '@/db';
import { withApi } from '@/lib/api/with-api';
import { changeWorkspaceStatus } from '@/lib/workspaces/change-workspace-status';
import { lifecycleEvents } from '@/lib/workspaces/lifecycle';

const bodySchema = z.object({ event: z.enum(lifecycleEvents) });

export const POST = withApi({ auth: 'admin', body: bodySchema }, async ({ userId, params, body }) =>
  Response.json(await changeWorkspaceStatus(await getDb(), { userId, label: 'admin' }, String(params.id), body.event)),
);
