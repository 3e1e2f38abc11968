import 'server-only';
// One backup snapshot's metadata (no content) with its recent checksum checks; another workspace's is not found.
import type { Db } from '@/db/client';
import { requireScope, type Scope } from '@/lib/auth/scope';
import { listSnapshotChecks, type SnapshotCheckDto } from './list-snapshot-checks';
import { findSnapshot, type SnapshotDto } from './snapshot-dto';

export async function getSnapshot(
  db: Db,
  scope: Scope,
  id: string,
): Promise<SnapshotDto & { checks: SnapshotCheckDto[] }> {
  requireScope(scope, 'read');
  const snapshot = await findSnapshot(db, scope.workspaceId, id);
  return { ...snapshot, checks: await listSnapshotChecks(db, scope.workspaceId, snapshot.id) };
}
