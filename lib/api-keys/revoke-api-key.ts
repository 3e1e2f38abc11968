import 'server-only';
// Revokes one of the workspace's API keys (admins only); revoking an already revoked key changes nothing.
import type { Db } from '@/db/client';
import { recordAudit } from '@/lib/audit/record-audit';
import { requireRole, type Scope } from '@/lib/auth/scope';
import { AppError } from '@/lib/errors';
import { type ApiKeyDto, apiKeyDtoColumns, toApiKeyDto } from './api-key-dto';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function revokeApiKey(db: Db, scope: Scope, id: string): Promise<ApiKeyDto> {
  requireRole(scope, 'admin');
  if (!UUID.test(id)) throw new AppError('not_found', 'API key not found');
  const revoked = await db
    .updateTable('api_keys')
    .set({ revoked_at: new Date() })
    .where('id', '=', id)
    .where('workspace_id', '=', scope.workspaceId)
    .where('revoked_at', 'is', null)
    .returning(apiKeyDtoColumns)
    .executeTakeFirst();
  if (revoked) {
    await recordAudit(db, {
      workspaceId: scope.workspaceId,
      actorUserId: scope.userId,
      action: 'api_key.revoked',
      targetType: 'api_key',
      targetId: id,
      meta: { name: revoked.name, prefix: revoked.prefix },
    });
    return toApiKeyDto(revoked);
  }
  const existing = await db
    .selectFrom('api_keys')
    .select(apiKeyDtoColumns)
    .where('id', '=', id)
    .where('workspace_id', '=', scope.workspaceId)
    .executeTakeFirst();
  if (!existing) throw new AppError('not_found', 'API key not found');
  return toApiKeyDto(existing);
}
