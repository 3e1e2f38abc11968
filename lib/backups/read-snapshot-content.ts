import 'server-only';
// A snapshot's bytes, served only after their SHA-256 is re-checked (and the check recorded); a mismatch marks it
// corrupt and refuses (409).
import type { Db } from '@/db/client';
import { requireScope, type Scope } from '@/lib/auth/scope';
import { AppError } from '@/lib/errors';
import { checkSnapshot } from './check-snapshot';
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
  const check = await checkSnapshot(
    db,
    { id: snapshot.id, workspaceId: scope.workspaceId, sha256: snapshot.sha256 },
    { via, actorUserId: scope.userId },
  );
  if (!check) throw new AppError('not_found', 'Backup snapshot not found');
  if (!check.ok) {
    throw new AppError(
      'conflict',
      'This backup no longer matches its SHA-256 checksum, so it is not served; it has been marked corrupt',
      {
        snapshotId: snapshot.id,
        expectedSha256: snapshot.sha256,
        actualSha256: check.actual,
      },
    );
  }
  return {
    snapshot: { ...snapshot, verifyStatus: 'ok', verifiedAt: check.checkedAt, verifiedVia: via },
    content: check.content,
  };
}
