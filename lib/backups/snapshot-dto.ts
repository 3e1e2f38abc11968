import 'server-only';
// What callers see of a backup snapshot (never its content), and the workspace-scoped query that reads it.
import { sql } from 'kysely';
import type { Db } from '@/db/client';
import type { BackupCheckVia, BackupFormat, VerifyStatus } from '@/db/types-workflows';
import { AppError } from '@/lib/errors';
import { fileExtensions } from './encode-snapshot';

export type SnapshotDto = {
  id: string;
  workflowId: string;
  workflowName: string;
  runId: string | null;
  stepId: string;
  /** The backup step's name in the workflow's current version (null when the step is gone or unnamed). */
  stepName: string | null;
  name: string;
  /** A safe file name for downloads: the name with the format's extension. */
  fileName: string;
  format: BackupFormat;
  contentType: string;
  source: string;
  sizeBytes: number;
  sha256: string;
  verifyStatus: VerifyStatus;
  verifiedAt: Date | null;
  /** How the last check was made: verify now, download, restore or the daily job. */
  verifiedVia: BackupCheckVia | null;
  createdAt: Date;
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: string): boolean {
  return UUID.test(value);
}

/** The workspace's snapshots joined to their workflow, with the DTO's columns (content left out). */
export function selectSnapshots(db: Db, workspaceId: string) {
  return db
    .selectFrom('backup_snapshots')
    .innerJoin('workflows', 'workflows.id', 'backup_snapshots.workflow_id')
    .select([
      'backup_snapshots.id',
      'backup_snapshots.workflow_id',
      'workflows.name as workflow_name',
      'backup_snapshots.run_id',
      'backup_snapshots.step_id',
      'backup_snapshots.name',
      'backup_snapshots.format',
      'backup_snapshots.content_type',
      'backup_snapshots.source',
      'backup_snapshots.size_bytes',
      'backup_snapshots.sha256',
      'backup_snapshots.verify_status',
      'backup_snapshots.verified_at',
      'backup_snapshots.verified_via',
      'backup_snapshots.created_at',
    ])
    .select(
      sql<
        string | null
      >`(select step ->> 'name' from workflow_versions, jsonb_array_elements(workflow_versions.definition -> 'steps') as step where workflow_versions.workflow_id = workflows.id and workflow_versions.version = workflows.current_version and step ->> 'id' = backup_snapshots.step_id limit 1)`.as(
        'step_name',
      ),
    )
    .where('backup_snapshots.workspace_id', '=', workspaceId)
    .where('workflows.workspace_id', '=', workspaceId);
}

type SnapshotRow = Awaited<ReturnType<ReturnType<typeof selectSnapshots>['executeTakeFirstOrThrow']>>;

export function toSnapshotDto(row: SnapshotRow): SnapshotDto {
  return {
    id: row.id,
    workflowId: row.workflow_id,
    workflowName: row.workflow_name,
    runId: row.run_id,
    stepId: row.step_id,
    stepName: row.step_name,
    name: row.name,
    fileName: snapshotFileName(row.name, row.format),
    format: row.format,
    contentType: row.content_type,
    source: row.source,
    sizeBytes: Number(row.size_bytes),
    sha256: row.sha256,
    verifyStatus: row.verify_status,
    verifiedAt: row.verified_at,
    verifiedVia: row.verified_via,
    createdAt: row.created_at,
  };
}

/** `Orders 2026/11` → `Orders-2026-11.json`: letters, digits, dot, dash and underscore only. */
export function snapshotFileName(name: string, format: BackupFormat): string {
  const base =
    name
      .normalize('NFKD')
      .replace(/[^\w.-]+/g, '-')
      .replace(/^[-.]+|[-.]+$/g, '')
      .slice(0, 100) || 'snapshot';
  const extension = fileExtensions[format];
  return base.toLowerCase().endsWith(`.${extension}`) ? base : `${base}.${extension}`;
}

export async function findSnapshot(db: Db, workspaceId: string, id: string): Promise<SnapshotDto> {
  const row = isUuid(id)
    ? await selectSnapshots(db, workspaceId).where('backup_snapshots.id', '=', id).executeTakeFirst()
    : undefined;
  if (!row) throw new AppError('not_found', 'Backup snapshot not found');
  return toSnapshotDto(row);
}
