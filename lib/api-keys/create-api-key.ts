import 'server-only';
// Creates a workspace API key (admins only); the key is returned once and only its hash is kept.
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import type { Db } from '@/db/client';
import type { ApiKeyScope } from '@/db/types';
import { recordAudit } from '@/lib/audit/record-audit';
import { requireRole, type Scope } from '@/lib/auth/scope';
import { type ApiKeyDto, apiKeyDtoColumns, toApiKeyDto } from './api-key-dto';
import { API_KEY_PREFIX, hashApiKey } from './hash-api-key';

export const createApiKeySchema = z.object({
  name: z.string().trim().min(1, 'Give the key a name').max(80, 'Use at most 80 characters'),
  scopes: z
    .array(z.enum(['read', 'write', 'admin']))
    .min(1, 'Choose at least one scope')
    .refine((scopes) => new Set(scopes).size === scopes.length, 'List each scope once'),
  expiresAt: z.iso
    .datetime({ offset: true })
    .nullish()
    .transform((value) => (value ? new Date(value) : null))
    .refine((date) => date === null || date.getTime() > Date.now(), 'The expiry must be in the future'),
});

export type CreateApiKeyInput = { name: string; scopes: ApiKeyScope[]; expiresAt?: Date | null };

export async function createApiKey(
  db: Db,
  scope: Scope,
  input: CreateApiKeyInput,
): Promise<{ key: string; apiKey: ApiKeyDto }> {
  requireRole(scope, 'admin');
  const key = `${API_KEY_PREFIX}${randomBytes(32).toString('base64url')}`;
  const row = await db
    .insertInto('api_keys')
    .values({
      workspace_id: scope.workspaceId,
      created_by: scope.userId,
      name: input.name,
      prefix: key.slice(0, 12),
      last4: key.slice(-4),
      key_hash: hashApiKey(key),
      scopes: [...new Set(input.scopes)],
      expires_at: input.expiresAt ?? null,
    })
    .returning(apiKeyDtoColumns)
    .executeTakeFirstOrThrow();
  await recordAudit(db, {
    workspaceId: scope.workspaceId,
    actorUserId: scope.userId,
    action: 'api_key.created',
    targetType: 'api_key',
    targetId: row.id,
    meta: { name: row.name, prefix: row.prefix, scopes: row.scopes },
  });
  return { key, apiKey: toApiKeyDto(row) };
}
