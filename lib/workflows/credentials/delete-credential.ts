import 'server-only';
// Deletes one of the workspace's connector credentials (admins only); steps that name it then fail with credential_missing.
import type { Db } from '@/db/client';
import { recordAudit } from '@/lib/audit/record-audit';
import { requireRole, type Scope } from '@/lib/auth/scope';
import { AppError } from '@/lib/errors';
import { type ConnectorCredentialDto, credentialDtoColumns, toCredentialDto } from './credential-dto';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function deleteConnectorCredential(db: Db, scope: Scope, id: string): Promise<ConnectorCredentialDto> {
  requireRole(scope, 'admin');
  if (!UUID.test(id)) throw new AppError('not_found', 'Credential not found');
  const deleted = await db
    .deleteFrom('connector_credentials')
    .where('id', '=', id)
    .where('workspace_id', '=', scope.workspaceId)
    .returning(credentialDtoColumns)
    .executeTakeFirst();
  if (!deleted) throw new AppError('not_found', 'Credential not found');
  await recordAudit(db, {
    workspaceId: scope.workspaceId,
    actorUserId: scope.userId,
    action: 'connector_credential.deleted',
    targetType: 'connector_credential',
    targetId: id,
    meta: { name: deleted.name, connector: deleted.connector },
  });
  return toCredentialDto(deleted);
}
