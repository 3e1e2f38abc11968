import 'server-only';
// Creates or replaces (by name) a workspace's connector credential, encrypted and bound to the workspace (admins only).
import { sql } from 'kysely';
import type { Db } from '@/db/client';
import { recordAudit } from '@/lib/audit/record-audit';
import { requireRole, type Scope } from '@/lib/auth/scope';
import { encryptSecret } from '@/lib/crypto/secret-box';
import { type ConnectorCredentialDto, credentialDtoColumns, toCredentialDto } from './credential-dto';
import { hintField, type SaveCredentialInput, saveCredentialSchema } from './schemas';

function hintFor(secret: string): string | null {
  return secret.length >= 16 ? `…${secret.slice(-4)}` : null;
}

export async function saveConnectorCredential(
  db: Db,
  scope: Scope,
  input: SaveCredentialInput,
): Promise<{ credential: ConnectorCredentialDto; created: boolean }> {
  requireRole(scope, 'admin');
  const { name, connector, fields } = saveCredentialSchema.parse(input);
  const ciphertext = encryptSecret(JSON.stringify(fields), scope.workspaceId);
  const hint = hintFor((fields as Record<string, string>)[hintField[connector]] ?? '');
  const row = await db
    .insertInto('connector_credentials')
    .values({ workspace_id: scope.workspaceId, name, connector, ciphertext, hint, created_by: scope.userId })
    .onConflict((oc) =>
      oc.columns(['workspace_id', 'name']).doUpdateSet({ connector, ciphertext, hint, updated_at: new Date() }),
    )
    // NOTE: xmax is 0 only for a freshly inserted row, so it tells a create from a replace in one statement.
    .returning([...credentialDtoColumns, sql<boolean>`(xmax = 0)`.as('inserted')])
    .executeTakeFirstOrThrow();
  await recordAudit(db, {
    workspaceId: scope.workspaceId,
    actorUserId: scope.userId,
    action: row.inserted ? 'connector_credential.created' : 'connector_credential.replaced',
    targetType: 'connector_credential',
    targetId: row.id,
    meta: { name, connector },
  });
  return { credential: toCredentialDto(row), created: row.inserted };
}
