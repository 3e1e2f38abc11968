import 'server-only';
// The API keys of the caller's workspace, newest first, without secrets.
import type { Db } from '@/db/client';
import type { Scope } from '@/lib/auth/scope';
import { type ApiKeyDto, apiKeyDtoColumns, toApiKeyDto } from './api-key-dto';

export async function listApiKeys(db: Db, scope: Scope): Promise<ApiKeyDto[]> {
  const rows = await db
    .selectFrom('api_keys')
    .select(apiKeyDtoColumns)
    .where('workspace_id', '=', scope.workspaceId)
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .execute();
  const now = new Date();
  return rows.map((row) => toApiKeyDto(row, now));
}
