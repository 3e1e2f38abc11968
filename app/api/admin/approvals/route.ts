// GET /api/admin/approvals — pending workflow approvals across workspaces, oldest first (read-only, platform admins).
import { getDb } from '@/db';
import { listPendingApprovals } from '@/lib/admin/list-pending-approvals';
import { withApi } from '@/lib/api/with-api';

export const GET = withApi({ auth: 'admin' }, async () =>
  Response.json({ data: await listPendingApprovals(await getDb()) }),
);
