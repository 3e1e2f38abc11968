// GET /api/backups/:id — one backup snapshot's metadata: name, format, size, SHA-256, verification and its checks.
import { getDb } from '@/db';
import { withApi } from '@/lib/api/with-api';
import { getSnapshot } from '@/lib/backups/get-snapshot';

export const GET = withApi({ auth: 'sessionOrApiKey' }, async ({ scope, params }) =>
  Response.json(await getSnapshot(await getDb(), scope, String(params.id))),
);
