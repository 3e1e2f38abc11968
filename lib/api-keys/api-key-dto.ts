import 'server-only';
// What callers see of an API key: never the key itself nor its hash.
import type { Selectable } from 'kysely';
import type { ApiKeyScope, ApiKeyTable } from '@/db/types';

export type ApiKeyStatus = 'active' | 'revoked' | 'expired';

export type ApiKeyDto = {
  id: string;
  name: string;
  prefix: string;
  last4: string;
  scopes: ApiKeyScope[];
  createdAt: Date;
  expiresAt: Date | null;
  revokedAt: Date | null;
  lastUsedAt: Date | null;
  status: ApiKeyStatus;
};

export type ApiKeyRow = Omit<Selectable<ApiKeyTable>, 'key_hash' | 'workspace_id' | 'created_by'>;

/** The columns `toApiKeyDto` reads (select these, never `key_hash`). */
export const apiKeyDtoColumns = [
  'id',
  'name',
  'prefix',
  'last4',
  'scopes',
  'created_at',
  'expires_at',
  'revoked_at',
  'last_used_at',
] as const;

export function toApiKeyDto(row: ApiKeyRow, now = new Date()): ApiKeyDto {
  const status: ApiKeyStatus = row.revoked_at
    ? 'revoked'
    : row.expires_at && row.expires_at <= now
      ? 'expired'
      : 'active';
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    last4: row.last4,
    scopes: row.scopes,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    revokedAt: row.revoked_at,
    lastUsedAt: row.last_used_at,
    status,
  };
}
