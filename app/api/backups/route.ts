// GET /api/backups?workflowId=&cursor=&limit= — the workspace's backup snapshots, newest first (no content).
import { getDb } from '@/db';
import { withApi } from '@/lib/api/with-api';
import { listSnapshots, listSnapshotsSchema } from '@/lib/backups/list-snapshots';

export const GET = withApi({ auth: 'sessionOrApiKey', query: listSnapshotsSchema }, async ({ scope, query }) =>
  Response.json(await listSnapshots(await getDb(), scope, query)),
);
