// DELETE /api/connectors/credentials/:id — delete a connector credential; steps naming it fail from then on.
import { getDb } from '@/db';
import { withApi } from '@/lib/api/with-api';
import { deleteConnectorCredential } from '@/lib/workflows/credentials/delete-credential';

export const DELETE = withApi({ auth: 'sessionOrApiKey' }, async ({ scope, params }) =>
  Response.json(await deleteConnectorCredential(await getDb(), scope, String(params.id))),
);
