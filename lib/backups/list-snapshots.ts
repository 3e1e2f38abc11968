import 'server-only';
// The workspace's backup snapshots, newest first, optionally of one workflow, paged by an opaque cursor.
import { sql } from 'kysely';
import { z } from 'zod';
import { isStorableTime, pageLimit } from '@/lib/api/schemas';
import type { Db } from '@/db/client';
import { requireScope, type Scope } from '@/lib/auth/scope';
import { AppError } from '@/lib/errors';
import { loadWorkflowRetention } from './load-workflow-retention';
import { isUuid, selectSnapshots, type SnapshotDto, toSnapshotDto } from './snapshot-dto';

export const listSnapshotsSchema = z.object({
  workflowId: z.string().optional(),
  cursor: z.string().max(200).optional(),
  limit: pageLimit(200, 50),
});
export type ListSnapshotsInput = z.input<typeof listSnapshotsSchema>;
export type SnapshotPage = { data: SnapshotDto[]; nextCursor: string | null };

// NOTE: the cursor carries the timestamp to the microsecond (a JS Date would drop the last three digits and skip rows).
const encodeCursor = (at: string, id: string) => Buffer.from(`${at}|${id}`).toString('base64url');

function decodeCursor(cursor: string): { at: string; id: string } {
  const [at = '', id = ''] = Buffer.from(cursor, 'base64url').toString().split('|');
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/.test(at) || !isStorableTime(Date.parse(at)) || !isUuid(id))
    throw new AppError('validation_failed', 'The cursor is not valid; pass the nextCursor of the previous page', {
      issues: [{ path: 'cursor', message: 'Pass the nextCursor of the previous page', code: 'invalid_cursor' }],
    });
  return { at, id };
}

export async function listSnapshots(db: Db, scope: Scope, input: ListSnapshotsInput = {}): Promise<SnapshotPage> {
  requireScope(scope, 'read');
  const { workflowId, cursor, limit } = listSnapshotsSchema.parse(input);
  if (workflowId !== undefined) await loadWorkflowRetention(db, scope.workspaceId, workflowId);
  let query = selectSnapshots(db, scope.workspaceId)
    .select(
      sql<string>`to_char(backup_snapshots.created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`.as(
        'cursor_at',
      ),
    )
    .orderBy('backup_snapshots.created_at', 'desc')
    .orderBy('backup_snapshots.id', 'desc')
    .limit(limit + 1);
  if (workflowId !== undefined) query = query.where('backup_snapshots.workflow_id', '=', workflowId);
  if (cursor !== undefined) {
    const after = decodeCursor(cursor);
    query = query.where(
      sql<boolean>`(backup_snapshots.created_at, backup_snapshots.id) < (${after.at}::timestamptz, ${after.id}::uuid)`,
    );
  }
  const rows = await query.execute();
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    data: page.map(toSnapshotDto),
    nextCursor: rows.length > limit && last ? encodeCursor(last.cursor_at, last.id) : null,
  };
}
