import 'server-only';
// "Verify now": re-reads one snapshot's stored bytes, checks their SHA-256, and returns the snapshot with the result.
import type { Db } from '@/db/client';
import { requireScope, type Scope } from '@/lib/auth/scope';
import { AppError } from '@/lib/errors';
import { checkSnapshot } from './check-snapshot';
import { findSnapshot, type SnapshotDto } from './snapshot-dto';

export async function verifySnapshot(db: Db, scope: Scope, id: string, now = new Date()): Promise<SnapshotDto> {
  requireScope(scope, 'read');
  const snapshot = await findSnapshot(db, scope.workspaceId, id);
  const check = await checkSnapshot(
    db,
    { id: snapshot.id, workspaceId: scope.workspaceId, sha256: snapshot.sha256 },
    { via: 'verify', actorUserId: scope.userId, now },
  );
  if (!check) throw new AppError('not_found', 'Backup snapshot not found');
  return findSnapshot(db, scope.workspaceId, id);
}
