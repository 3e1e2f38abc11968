// GET /api/v1/backups/{id} — one snapshot's metadata (name, format, size, SHA-256, verification) and its checks.
import { otherMethods } from '@/lib/api/v1/other-methods';
import { withV1 } from '@/lib/api/v1/with-v1';
import { getSnapshot } from '@/lib/backups/get-snapshot';
import { getBackupOperation } from '@/lib/openapi/operations/backups';

export const GET = withV1(getBackupOperation, async ({ db, scope, params }) =>
  Response.json(await getSnapshot(db, scope, params.id)),
);

export const { POST, PUT, PATCH, DELETE } = otherMethods(['GET']);
