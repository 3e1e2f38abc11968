import 'server-only';
// Purges soft-deleted workspaces whose restore period has passed (called by a scheduled job).
import type { Db } from '@/db/client';
import { AppError } from '@/lib/errors';
import { changeWorkspaceStatus } from './change-workspace-status';

export async function purgeExpiredWorkspaces(db: Db, now = new Date()): Promise<string[]> {
  const due = await db
    .selectFrom('workspaces')
    .select('id')
    .where('status', '=', 'soft_deleted')
    .where('purge_after', '<=', now)
    .orderBy('purge_after')
    .execute();
  const purged: string[] = [];
  for (const { id } of due) {
    try {
      await changeWorkspaceStatus(db, { userId: null, label: 'system:purge' }, id, 'purge', now);
      purged.push(id);
    } catch (error) {
      // NOTE: a workspace restored (or purged) since the select above is skipped, not an error.
      if (!(error instanceof AppError && error.code === 'conflict')) throw error;
    }
  }
  return purged;
}
