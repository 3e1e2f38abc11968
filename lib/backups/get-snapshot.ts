import 'server-only';
// One backup snapshot's metadata (no content); another workspace's snapshot is not found.
import type { Db } from '@/db/client';
import { requireScope, type Scope } from '@/lib/auth/scope';
import { findSnapshot, type SnapshotDto } from './snapshot-dto';

export async function getSnapshot(db: Db, scope: Scope, id: string): Promise<SnapshotDto> {
  requireScope(scope, 'read');
  return findSnapshot(db, scope.workspaceId, id);
}
