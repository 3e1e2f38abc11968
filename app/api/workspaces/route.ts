// GET /api/workspaces — the workspaces the signed-in user belongs to, with their role.
import { getDb } from '@/db';
import { withApi } from '@/lib/api/with-api';
import { listUserWorkspaces } from '@/lib/workspaces/list-workspaces';

export const GET = withApi({ auth: 'session' }, async ({ userId }) =>
  Response.json({ data: await listUserWorkspaces(await getDb(), userId!) }),
);
