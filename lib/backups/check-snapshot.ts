import 'server-only';
// Re-reads one snapshot's stored bytes, compares their SHA-256 with the recorded one, and records the result.
import type { Db } from '@/db/client';
import type { BackupCheckVia } from '@/db/types-workflows';
import { sha256Hex } from './hash-snapshot';
import { markSnapshotCorrupt } from './mark-snapshot-corrupt';

export type SnapshotTarget = { id: string; workspaceId: string; sha256: string };
export type SnapshotCheck = { ok: boolean; actual: string; content: Uint8Array; checkedAt: Date };

/** Null when the snapshot is gone; otherwise the bytes and whether they still match (a mismatch marks it corrupt). */
export async function checkSnapshot(
  db: Db,
  target: SnapshotTarget,
  { via, actorUserId = null, now = new Date() }: { via: BackupCheckVia; actorUserId?: string | null; now?: Date },
): Promise<SnapshotCheck | null> {
  const row = await db
    .selectFrom('backup_snapshots')
    .select('content')
    .where('id', '=', target.id)
    .where('workspace_id', '=', target.workspaceId)
    .executeTakeFirst();
  if (!row) return null;
  const actual = sha256Hex(row.content);
  const ok = actual === target.sha256;
  if (!ok) {
    await markSnapshotCorrupt(
      db,
      {
        snapshotId: target.id,
        workspaceId: target.workspaceId,
        expected: target.sha256,
        actual,
        via: via === 'scheduled' ? 'verify' : via,
      },
      now,
    );
  }
  await db
    .updateTable('backup_snapshots')
    .set({ verify_status: ok ? 'ok' : 'corrupt', verified_at: now, verified_via: via })
    .where('id', '=', target.id)
    .where('workspace_id', '=', target.workspaceId)
    .execute();
  await db
    .insertInto('backup_checks')
    .values({
      snapshot_id: target.id,
      workspace_id: target.workspaceId,
      via,
      result: ok ? 'ok' : 'corrupt',
      actor_user_id: actorUserId,
      checked_at: now,
    })
    .execute();
  return { ok, actual, content: row.content, checkedAt: now };
}
