// POST /api/connectors/credentials/:id/test — a harmless real call with the connection; a failed check is 200 ok:false.
import { getDb } from '@/db';
import { withApi } from '@/lib/api/with-api';
import { testConnectorCredential } from '@/lib/workflows/credentials/test-credential';

export const POST = withApi({ auth: 'sessionOrApiKey' }, async ({ scope, params }) =>
  Response.json(await testConnectorCredential(await getDb(), scope, String(params.id)), {
    headers: { 'cache-control': 'no-store' },
  }),
);
