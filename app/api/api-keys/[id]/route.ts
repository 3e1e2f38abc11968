// PATCH /api/api-keys/:id — rename a key or change its scopes; DELETE — revoke it (requests with it are refused).
import { getDb } from '@/db';
import { withApi } from '@/lib/api/with-api';
import { revokeApiKey } from '@/lib/api-keys/revoke-api-key';
import { updateApiKeySchema } from '@/lib/api-keys/schemas';
import { updateApiKey } from '@/lib/api-keys/update-api-key';

export const PATCH = withApi({ auth: 'sessionOrApiKey', body: updateApiKeySchema }, async ({ scope, params, body }) =>
  Response.json(await updateApiKey(await getDb(), scope, String(params.id), body)),
);

export const DELETE = withApi({ auth: 'sessionOrApiKey' }, async ({ scope, params }) =>
  Response.json(await revokeApiKey(await getDb(), scope, String(params.id))),
);
