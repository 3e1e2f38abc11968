// Tables of the workflow engine and backups (migration 0004).
import type { ColumnType, Generated } from 'kysely';

type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
type Uuid = ColumnType<string, string | undefined, never>;
type JsonValue = ColumnType<unknown, string | undefined, string>;
type NullableJson = ColumnType<unknown, string | null | undefined, string | null>;

export type RunStatus = 'queued' | 'running' | 'succeeded' | 'failed' | 'rejected' | 'cancelled';
export type RunWaiting = 'sleep' | 'retry' | 'approval' | 'concurrency';
export type StepRunStatus = 'running' | 'succeeded' | 'failed' | 'waiting';
export type ApprovalStatus = 'pending' | 'approved' | 'rejected' | 'expired';
export type ApprovalPolicy = 'class_c' | 'class_b_and_c';
export type BackupFormat = 'json' | 'csv' | 'text' | 'binary';
export type VerifyStatus = 'unverified' | 'ok' | 'corrupt';

export type WorkflowTable = {
  id: Uuid;
  workspace_id: string;
  name: string;
  description: string | null;
  enabled: ColumnType<boolean, boolean | undefined, boolean>;
  current_version: number;
  trigger_type: string;
  webhook_token: string;
  /** AES-256-GCM ciphertext of the HMAC secret for signed webhook deliveries. */
  webhook_secret: string;
  /** Inbound webhook deliveries accepted a minute (migration 2026_12_02_0002). */
  webhook_rate_limit: ColumnType<number, number | undefined, number>;
  /** The secret before the last rotation, accepted until `webhook_secret_previous_expires_at` (migration 2026_12_02_0004). */
  webhook_secret_previous: ColumnType<string | null, string | null | undefined, string | null>;
  webhook_secret_previous_expires_at: NullableTimestamp;
  /** When the current secret was shown (it is shown once); null: never, so nobody can hold it yet. */
  webhook_secret_shown_at: NullableTimestamp;
  schedule_cron: string | null;
  schedule_timezone: string | null;
  next_run_at: NullableTimestamp;
  event_name: string | null;
  event_source_workflow_id: string | null;
  concurrency_limit: ColumnType<number, number | undefined, number>;
  retention: JsonValue;
  created_by: string | null;
  created_at: CreatedAt;
  updated_at: Timestamp;
};

export type WorkflowVersionTable = {
  workflow_id: string;
  version: number;
  definition: JsonValue;
  created_by: string | null;
  created_at: CreatedAt;
};

export type WorkflowRunTable = {
  id: Uuid;
  workspace_id: string;
  workflow_id: string;
  version: number;
  status: RunStatus;
  waiting: RunWaiting | null;
  trigger_type: string;
  trigger_key: string | null;
  payload: JsonValue;
  current_step_id: string | null;
  attempt: ColumnType<number, number | undefined, number>;
  wake_at: Timestamp;
  lease_until: NullableTimestamp;
  /** The embedded driver holding the lease (driver_heartbeats.driver_id). */
  lease_owner: string | null;
  error: NullableJson;
  dead_lettered_at: NullableTimestamp;
  replay_of: string | null;
  /** Who cancelled the run (migration 2026_12_03_0004); null when the system did, or it was not cancelled. */
  cancelled_by: ColumnType<string | null, string | null | undefined, string | null>;
  /** A test run of unsaved editor changes: the definition it ran (migration 2026_12_03_0005); null for saved versions. */
  draft_definition: NullableJson;
  created_by: string | null;
  created_at: CreatedAt;
  started_at: NullableTimestamp;
  finished_at: NullableTimestamp;
  updated_at: Timestamp;
};

export type WorkflowStepRunTable = {
  id: Generated<string>;
  run_id: string;
  workspace_id: string;
  step_id: string;
  step_type: string;
  attempt: number;
  status: StepRunStatus;
  input: NullableJson;
  output: NullableJson;
  error: NullableJson;
  started_at: Timestamp;
  finished_at: NullableTimestamp;
  duration_ms: number | null;
};

export type WorkflowApprovalTable = {
  id: Uuid;
  workspace_id: string;
  workflow_id: string;
  run_id: string;
  step_id: string;
  action_class: 'B' | 'C';
  message: string | null;
  status: ColumnType<ApprovalStatus, ApprovalStatus | undefined, ApprovalStatus>;
  expires_at: Timestamp;
  decided_by: string | null;
  decided_via: string | null;
  comment: string | null;
  decided_at: NullableTimestamp;
  created_at: CreatedAt;
};

export type ConnectorCredentialTable = {
  id: Uuid;
  workspace_id: string;
  name: string;
  connector: string;
  ciphertext: string;
  hint: string | null;
  created_by: string | null;
  created_at: CreatedAt;
  updated_at: Timestamp;
};

export type BackupSnapshotTable = {
  id: Uuid;
  workspace_id: string;
  workflow_id: string;
  run_id: string | null;
  step_id: string;
  name: string;
  format: BackupFormat;
  content_type: string;
  source: string;
  size_bytes: number;
  sha256: string;
  content: Uint8Array;
  verify_status: ColumnType<VerifyStatus, VerifyStatus | undefined, VerifyStatus>;
  verified_at: NullableTimestamp;
  /** How the last check was made (migration 2026_12_03_0003); null before any. */
  verified_via: ColumnType<BackupCheckVia | null, BackupCheckVia | null | undefined, BackupCheckVia | null>;
  created_at: Timestamp;
};

export type BackupCheckVia = 'verify' | 'download' | 'restore' | 'scheduled';

/** One checksum re-check of a snapshot and its result (migration 2026_12_03_0003). */
export type BackupCheckTable = {
  id: Generated<string>;
  snapshot_id: string;
  workspace_id: string;
  via: BackupCheckVia;
  result: 'ok' | 'corrupt';
  actor_user_id: string | null;
  checked_at: ColumnType<Date, Date | string | undefined, Date | string>;
};

/** One row per embedded driver process (migration 2026_12_02_0003). */
export type DriverHeartbeatTable = {
  driver_id: string;
  identity: string;
  hostname: string;
  pid: number;
  started_at: CreatedAt;
  beat_at: Timestamp;
};

export type WorkflowTables = {
  workflows: WorkflowTable;
  workflow_versions: WorkflowVersionTable;
  workflow_runs: WorkflowRunTable;
  workflow_step_runs: WorkflowStepRunTable;
  workflow_approvals: WorkflowApprovalTable;
  connector_credentials: ConnectorCredentialTable;
  backup_snapshots: BackupSnapshotTable;
  backup_checks: BackupCheckTable;
  driver_heartbeats: DriverHeartbeatTable;
};
