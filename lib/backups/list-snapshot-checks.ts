import 'server-only';
// A snapshot's recorded checksum checks, newest first: how each was made, its result, and when.
import type { Db } from '@/db/client';
import type { BackupCheckVia } from '@/db/types-workflows';

export type SnapshotCheckDto = { via: BackupCheckVia; result: 'ok' | 'corrupt'; checkedAt: Date };

export async function listSnapshotChecks(
  db: Db,
  workspaceId: string,
  snapshotId: string,
  limit = 20,
): Promise<SnapshotCheckDto[]> {
  const rows = await db
    .selectFrom('backup_checks')
    .select(['via', 'result', 'checked_at'])
    .where('workspace_id', '=', workspaceId)
    .where('snapshot_id', '=', snapshotId)
    .orderBy('checked_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
  return rows.map((row) => ({ via: row.via, result: row.result, checkedAt: row.checked_at }));
}
