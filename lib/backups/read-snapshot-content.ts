import 'server-only';
// A snapshot's bytes, served only after their SHA-256 is re-checked; a mismatch marks it corrupt and refuses (409).
import type { Db } from '@/db/client';
import { requireScope, type Scope } from '@/lib/auth/scope';
import { AppError } from '@/lib/errors';
import { sha256Hex } from './hash-snapshot';
import { markSnapshotCorrupt } from './mark-snapshot-corrupt';
import { findSnapshot, type SnapshotDto } from './snapshot-dto';

export type SnapshotContent = { snapshot: SnapshotDto; content: Uint8Array };

export async function readSnapshotContent(
  db: Db,
  scope: Scope,
  id: string,
  { via = 'download' }: { via?: 'download' | 'restore' } = {},
): Promise<SnapshotContent> {
  requireScope(scope, 'read');
  const snapshot = await findSnapshot(db, scope.workspaceId, id);
  const row = await db
    .selectFrom('backup_snapshots')
    .select('content')
    .where('id', '=', snapshot.id)
    .where('workspace_id', '=', scope.workspaceId)
    .executeTakeFirst();
  if (!row) throw new AppError('not_found', 'Backup snapshot not found');
  const actual = sha256Hex(row.content);
  if (actual !== snapshot.sha256) {
    await markSnapshotCorrupt(db, {
      snapshotId: snapshot.id,
      workspaceId: scope.workspaceId,
      expected: snapshot.sha256,
      actual,
      via,
    });
    throw new AppError(
      'conflict',
      'This backup no longer matches its SHA-256 checksum, so it is not served; it has been marked corrupt',
      {
        snapshotId: snapshot.id,
        expectedSha256: snapshot.sha256,
        actualSha256: actual,
      },
    );
  }
  return { snapshot, content: row.content };
}
