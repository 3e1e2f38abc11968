import 'server-only';
// The workspace's connector credentials by name, without their secrets (any member may see the names to build workflows).
import type { Db } from '@/db/client';
import { requireScope, type Scope } from '@/lib/auth/scope';
import { type ConnectorCredentialDto, credentialDtoColumns, toCredentialDto } from './credential-dto';

/** All of them by name, or (for the API's pages) `limit` names after `afterName`. */
export async function listConnectorCredentials(
  db: Db,
  scope: Scope,
  page?: { afterName?: string; limit: number },
): Promise<ConnectorCredentialDto[]> {
  requireScope(scope, 'read');
  let select = db
    .selectFrom('connector_credentials')
    .select(credentialDtoColumns)
    .where('workspace_id', '=', scope.workspaceId);
  if (page?.afterName !== undefined) select = select.where('name', '>', page.afterName);
  if (page) select = select.limit(page.limit);
  const rows = await select.orderBy('name').execute();
  return rows.map(toCredentialDto);
}
