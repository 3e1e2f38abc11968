import 'server-only';
// A workspace's decrypted connector credential for a running step; missing or of another connector → non-retryable StepError.
import type { Db } from '@/db/client';
import { decryptSecret } from '@/lib/crypto/secret-box';
import { StepError } from '@/lib/workflows/steps/types';
import { type ConnectorType, connectorSecretSchemas, connectorTypes } from './schemas';

function isConnector(value: string): value is ConnectorType {
  return (connectorTypes as readonly string[]).includes(value);
}

export async function getConnectorCredential(
  db: Db,
  workspaceId: string,
  name: string,
  connector: string,
): Promise<Record<string, string>> {
  const missing = () =>
    new StepError(
      'credential_missing',
      `No ${connector} credential named "${name}" in this workspace; add it under Settings → Connections (/settings/connections)`,
      false,
      { name, connector },
    );
  if (!isConnector(connector)) throw missing();
  const row = await db
    .selectFrom('connector_credentials')
    .select(['connector', 'ciphertext'])
    .where('workspace_id', '=', workspaceId)
    .where('name', '=', name)
    .executeTakeFirst();
  if (!row || row.connector !== connector) throw missing();
  let fields: unknown;
  try {
    fields = JSON.parse(decryptSecret(row.ciphertext, workspaceId));
  } catch {
    throw new StepError(
      'credential_unreadable',
      `The ${connector} credential "${name}" cannot be decrypted; save it again`,
      false,
      { name, connector },
    );
  }
  const parsed = connectorSecretSchemas[connector].safeParse(fields);
  if (!parsed.success)
    throw new StepError(
      'credential_unreadable',
      `The ${connector} credential "${name}" is incomplete; save it again`,
      false,
      { name, connector },
    );
  return parsed.data;
}
