// GET /api/api-keys — the workspace's keys; POST — create one (the key is in the response, once).
import { getDb } from '@/db';
import { withApi } from '@/lib/api/with-api';
import { createApiKey, createApiKeySchema } from '@/lib/api-keys/create-api-key';
import { listApiKeys } from '@/lib/api-keys/list-api-keys';
import { requireScope } from '@/lib/auth/scope';

export const GET = withApi({ auth: 'sessionOrApiKey' }, async ({ scope }) => {
  requireScope(scope, 'read');
  return Response.json({ data: await listApiKeys(await getDb(), scope) });
});

export const POST = withApi({ auth: 'sessionOrApiKey', body: createApiKeySchema }, async ({ scope, body }) =>
  Response.json(await createApiKey(await getDb(), scope, body), {
    status: 201,
    headers: { 'cache-control': 'no-store' },
  }),
);
