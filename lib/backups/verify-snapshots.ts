import 'server-only';
// The daily job: re-reads a batch of snapshots, least recently verified first, and re-checks each one's SHA-256.
import { sql } from 'kysely';
import type { Db } from '@/db/client';
import { checkSnapshot } from './check-snapshot';

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
    const check = await checkSnapshot(
      db,
      { id: snapshot.id, workspaceId: snapshot.workspace_id, sha256: snapshot.sha256 },
      { via: 'scheduled', now },
    );
    if (!check) continue;
    result.checked += 1;
    if (check.ok) result.ok += 1;
    else result.corrupt.push(snapshot.id);
  }
  return result;
}
