import 'server-only';
// Re-reads a batch of snapshots, least recently verified first, and re-checks each one's SHA-256.
import { sql } from 'kysely';
import type { Db } from '@/db/client';
import { sha256Hex } from './hash-snapshot';
import { markSnapshotCorrupt } from './mark-snapshot-corrupt';

export type VerifyResult = { checked: number; ok: number; corrupt: string[] };

export async function verifySnapshots(
  db: Db,
  { now = new Date(), batchSize = 200 }: { now?: Date; batchSize?: number } = {},
): Promise<VerifyResult> {
  const due = await db
    .selectFrom('backup_snapshots')
    .select(['id', 'workspace_id', 'sha256'])
    .orderBy(sql`verified_at asc nulls first`)
    .orderBy('created_at')
    .orderBy('id')
    .limit(batchSize)
    .execute();
  const result: VerifyResult = { checked: 0, ok: 0, corrupt: [] };
  // NOTE: one snapshot's content in memory at a time; a batch may hold hundreds of megabytes.
  for (const snapshot of due) {
    const row = await db
      .selectFrom('backup_snapshots')
      .select('content')
      .where('id', '=', snapshot.id)
      .executeTakeFirst();
    if (!row) continue;
    result.checked += 1;
    const actual = sha256Hex(row.content);
    if (actual === snapshot.sha256) {
      await db
        .updateTable('backup_snapshots')
        .set({ verify_status: 'ok', verified_at: now })
        .where('id', '=', snapshot.id)
        .execute();
      result.ok += 1;
    } else {
      await markSnapshotCorrupt(
        db,
        {
          snapshotId: snapshot.id,
          workspaceId: snapshot.workspace_id,
          expected: snapshot.sha256,
          actual,
          via: 'verify',
        },
        now,
      );
      result.corrupt.push(snapshot.id);
    }
  }
  return result;
}
