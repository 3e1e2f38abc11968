// GET /api/connectors/credentials — the workspace's connector credentials (no secrets); POST — create or replace one by name.
import { getDb } from '@/db';
import { withApi } from '@/lib/api/with-api';
import { listConnectorCredentials } from '@/lib/workflows/credentials/list-credentials';
import { saveConnectorCredential } from '@/lib/workflows/credentials/save-credential';
import { saveCredentialSchema } from '@/lib/workflows/credentials/schemas';

export const GET = withApi({ auth: 'sessionOrApiKey' }, async ({ scope }) =>
  Response.json({ data: await listConnectorCredentials(await getDb(), scope) }),
);

export const POST = withApi({ auth: 'sessionOrApiKey', body: saveCredentialSchema }, async ({ scope, body }) => {
  const { credential, created } = await saveConnectorCredential(await getDb(), scope, body);
  return Response.json(credential, { status: created ? 201 : 200, headers: { 'cache-control': 'no-store' } });
});
