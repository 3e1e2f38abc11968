import 'server-only';
// The workspace's connector credentials by name, without their secrets (any member may see the names to build workflows).
import type { Db } from '@/db/client';
import { requireScope, type Scope } from '@/lib/auth/scope';
import { type ConnectorCredentialDto, credentialDtoColumns, toCredentialDto } from './credential-dto';

export async function listConnectorCredentials(db: Db, scope: Scope): Promise<ConnectorCredentialDto[]> {
  requireScope(scope, 'read');
  const rows = await db
    .selectFrom('connector_credentials')
    .select(credentialDtoColumns)
    .where('workspace_id', '=', scope.workspaceId)
    .orderBy('name')
    .execute();
  return rows.map(toCredentialDto);
}
