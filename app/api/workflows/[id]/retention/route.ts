// GET /api/workflows/:id/retention — the policy and what it keeps and removes now; PUT { policy, dryRun? } — set it.
import { getDb } from '@/db';
import { withApi } from '@/lib/api/with-api';
import { getRetention } from '@/lib/backups/get-retention';
import { updateRetention, updateRetentionSchema } from '@/lib/backups/update-retention';

export const GET = withApi({ auth: 'sessionOrApiKey' }, async ({ scope, params }) =>
  Response.json(await getRetention(await getDb(), scope, String(params.id))),
);

export const PUT = withApi({ auth: 'sessionOrApiKey', body: updateRetentionSchema }, async ({ scope, params, body }) =>
  Response.json(await updateRetention(await getDb(), scope, String(params.id), body)),
);
