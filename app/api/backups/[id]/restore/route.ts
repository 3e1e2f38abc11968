// POST /api/backups/:id/restore { url, method? } — pushes the verified snapshot to a public URL (members and up; audited).
import { getDb } from '@/db';
import { withApi } from '@/lib/api/with-api';
import { restoreSnapshot, restoreSnapshotSchema } from '@/lib/backups/restore-snapshot';

export const POST = withApi({ auth: 'sessionOrApiKey', body: restoreSnapshotSchema }, async ({ scope, params, body }) =>
  Response.json(await restoreSnapshot(await getDb(), scope, String(params.id), body)),
);
