// DELETE /api/api-keys/:id — revoke a key; requests with it are refused from then on.
import { getDb } from '@/db';
import { withApi } from '@/lib/api/with-api';
import { revokeApiKey } from '@/lib/api-keys/revoke-api-key';

export const DELETE = withApi({ auth: 'sessionOrApiKey' }, async ({ scope, params }) =>
  Response.json(await revokeApiKey(await getDb(), scope, String(params.id))),
);
