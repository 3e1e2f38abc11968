import 'server-only';
// Renames an API key or changes its scopes (admins only); a revoked or expired key cannot be edited. Audited.
import type { Db } from '@/db/client';
import { recordAudit } from '@/lib/audit/record-audit';
import { requireRole, type Scope } from '@/lib/auth/scope';
import { AppError } from '@/lib/errors';
import { isUuid } from '@/lib/workspaces/in-transaction';
import { type ApiKeyDto, apiKeyDtoColumns, toApiKeyDto } from './api-key-dto';
import type { UpdateApiKeyInput } from './schemas';

const scopeOrder = ['read', 'write', 'admin'] as const;

export async function updateApiKey(db: Db, scope: Scope, id: string, input: UpdateApiKeyInput): Promise<ApiKeyDto> {
  requireRole(scope, 'admin', 'admin', "changing an API key's scopes");
  if (!isUuid(id)) throw new AppError('not_found', 'API key not found');
  const existing = await db
    .selectFrom('api_keys')
    .select(apiKeyDtoColumns)
    .where('id', '=', id)
    .where('workspace_id', '=', scope.workspaceId)
    .executeTakeFirst();
  if (!existing) throw new AppError('not_found', 'API key not found');
  const current = toApiKeyDto(existing);
  if (current.status !== 'active')
    throw new AppError('conflict', `This API key is ${current.status}; create a new one`);
  const scopes = input.scopes ? scopeOrder.filter((s) => input.scopes!.includes(s)) : existing.scopes;
  const name = input.name ?? existing.name;
  const row = await db
    .updateTable('api_keys')
    .set({ name, scopes })
    .where('id', '=', id)
    .where('workspace_id', '=', scope.workspaceId)
    .returning(apiKeyDtoColumns)
    .executeTakeFirstOrThrow();
  await recordAudit(db, {
    workspaceId: scope.workspaceId,
    actorUserId: scope.userId,
    action: 'api_key.updated',
    targetType: 'api_key',
    targetId: id,
    meta: { name, prefix: row.prefix, scopesBefore: existing.scopes, scopes: row.scopes },
  });
  return toApiKeyDto(row);
}
