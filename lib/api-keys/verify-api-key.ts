import 'server-only';
// Checks a presented API key by its hash; valid keys get last_used_at refreshed (at most once a minute).
import { sql } from 'kysely';
import type { Db } from '@/db/client';
import type { ApiKeyScope } from '@/db/types';
import { apiKeyPattern, hashApiKey } from './hash-api-key';

export type VerifiedApiKey = { apiKeyId: string; workspaceId: string; createdBy: string | null; scopes: ApiKeyScope[] };

const TOUCH_INTERVAL_MS = 60_000;

/** The key's owner and scopes, or null for a malformed, unknown, revoked or expired key. One round trip. */
export async function verifyApiKey(db: Db, presentedKey: string): Promise<VerifiedApiKey | null> {
  if (!apiKeyPattern.test(presentedKey)) return null;
  const now = new Date();
  const row = await db
    .with('found', (qb) =>
      qb
        .selectFrom('api_keys')
        .select(['id', 'workspace_id', 'created_by', 'scopes', 'last_used_at'])
        .where('key_hash', '=', hashApiKey(presentedKey))
        .where('revoked_at', 'is', null)
        .where((eb) => eb.or([eb('expires_at', 'is', null), eb('expires_at', '>', now)])),
    )
    .with('touched', (qb) =>
      qb
        .updateTable('api_keys')
        .set({ last_used_at: now })
        .where('id', 'in', (eb) => eb.selectFrom('found').select('found.id'))
        .where((eb) =>
          eb.or([eb('last_used_at', 'is', null), eb('last_used_at', '<', new Date(now.getTime() - TOUCH_INTERVAL_MS))]),
        )
        .returning(sql<number>`1`.as('touched')),
    )
    .selectFrom('found')
    .select(['found.id', 'found.workspace_id', 'found.created_by', 'found.scopes'])
    .executeTakeFirst();
  if (!row) return null;
  return { apiKeyId: row.id, workspaceId: row.workspace_id, createdBy: row.created_by, scopes: row.scopes };
}
