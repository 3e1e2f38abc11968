// GET /api/v1/backups — the workspace's backup snapshots, newest first, optionally of one workflow (never content).
import { otherMethods } from '@/lib/api/v1/other-methods';
import { withV1 } from '@/lib/api/v1/with-v1';
import { listSnapshots } from '@/lib/backups/list-snapshots';
import { listBackupsOperation } from '@/lib/openapi/operations/backups';

export const GET = withV1(listBackupsOperation, async ({ db, scope, query }) =>
  Response.json(await listSnapshots(db, scope, query)),
);

export const { POST, PUT, PATCH, DELETE } = otherMethods(['GET']);
