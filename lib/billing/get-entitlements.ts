import 'server-only';
// Reads a workspace's entitlements (one primary-key lookup); no row means the free plan.
import type { Db } from '@/db/client';
import { type Entitlements, entitlementsFrom } from './entitlements';

export async function getEntitlements(db: Db, workspaceId: string, now = new Date()): Promise<Entitlements> {
  const row = await db
    .selectFrom('billing_accounts')
    .select(['plan', 'status', 'grace_until', 'limit_overrides'])
    .where('workspace_id', '=', workspaceId)
    .executeTakeFirst();
  return entitlementsFrom(row, now);
}
