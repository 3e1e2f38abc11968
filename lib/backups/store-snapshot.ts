import 'server-only';
// Stores a snapshot's bytes with their SHA-256 and size; one snapshot per run and step, so a retried step stores once.
import type { Db } from '@/db/client';
import type { BackupFormat } from '@/db/types-workflows';
import { getEnv } from '@/lib/env';
import { AppError } from '@/lib/errors';
import { formatBytes } from '@/lib/format/format-bytes';
import { sha256Hex } from './hash-snapshot';

export type StoreSnapshotInput = {
  workspaceId: string;
  workflowId: string;
  runId: string | null;
  stepId: string;
  name: string;
  format: BackupFormat;
  contentType: string;
  /** Where the data came from, for people browsing backups (`steps.fetch.output.body`, a connector name…). */
  source: string;
  content: Uint8Array;
  createdAt?: Date;
};

export type StoredSnapshot = {
  id: string;
  sha256: string;
  sizeBytes: number;
  format: BackupFormat;
  createdAt: Date;
  created: boolean;
};

export async function storeSnapshot(
  db: Db,
  input: StoreSnapshotInput,
  { maxBytes = getEnv().BACKUP_MAX_BYTES }: { maxBytes?: number } = {},
): Promise<StoredSnapshot> {
  const sizeBytes = input.content.byteLength;
  if (sizeBytes > maxBytes) {
    throw new AppError(
      'payload_too_large',
      `The snapshot is ${formatBytes(sizeBytes)}; a backup may be at most ${formatBytes(maxBytes)} (BACKUP_MAX_BYTES)`,
      { sizeBytes, maxBytes },
    );
  }
  const sha256 = sha256Hex(input.content);
  const columns = ['id', 'sha256', 'size_bytes', 'format', 'created_at'] as const;
  const inserted = await db
    .insertInto('backup_snapshots')
    .values({
      workspace_id: input.workspaceId,
      workflow_id: input.workflowId,
      run_id: input.runId,
      step_id: input.stepId,
      name: input.name,
      format: input.format,
      content_type: input.contentType,
      source: input.source,
      size_bytes: sizeBytes,
      sha256,
      content: Buffer.from(input.content.buffer, input.content.byteOffset, input.content.byteLength),
      created_at: input.createdAt ?? new Date(),
    })
    .onConflict((oc) => oc.columns(['run_id', 'step_id']).doNothing())
    .returning(columns)
    .executeTakeFirst();
  // NOTE: no row means this run's step already stored its snapshot (a retried attempt): the first one stands.
  const row =
    inserted ??
    (await db
      .selectFrom('backup_snapshots')
      .select(columns)
      .where('workspace_id', '=', input.workspaceId)
      .where('run_id', '=', input.runId)
      .where('step_id', '=', input.stepId)
      .executeTakeFirstOrThrow());
  return {
    id: row.id,
    sha256: row.sha256,
    sizeBytes: Number(row.size_bytes),
    format: row.format,
    createdAt: row.created_at,
    created: inserted !== undefined,
  };
}
