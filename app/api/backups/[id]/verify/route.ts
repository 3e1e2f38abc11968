// POST /api/backups/:id/verify — "Verify now": re-reads the stored bytes, checks their SHA-256 and records the result.
import { getDb } from '@/db';
import { withApi } from '@/lib/api/with-api';
import { verifySnapshot } from '@/lib/backups/verify-snapshot';

export const POST = withApi({ auth: 'sessionOrApiKey' }, async ({ scope, params }) =>
  Response.json(await verifySnapshot(await getDb(), scope, String(params.id))),
);
