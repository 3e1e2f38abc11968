// The typed schema of the Levqor database, kept in step with db/migrations.
import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';
import type { GuardianTables } from './types-guardian';
import type { WorkflowTables } from './types-workflows';
import type { BillingTables } from './types-billing';
import type { TemplateTables } from './types-templates';
import type { ApiTables } from './types-api';
import type { WebhookTables } from './types-webhooks';
import type { AiTables } from './types-ai';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Json = ColumnType<
  Record<string, unknown>,
  string | Record<string, unknown> | undefined,
  string | Record<string, unknown>
>;

export type TelemetryLogTable = {
  id: Generated<string>;
  level: 'info' | 'warn' | 'error';
  kind: 'event' | 'error' | 'performance';
  name: string;
  message: string | null;
  path: string | null;
  status: number | null;
  duration_ms: number | null;
  request_id: string | null;
  workspace_id: string | null;
  meta: Json;
  created_at: Timestamp;
};

type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
type Uuid = ColumnType<string, string | undefined, never>;

export type Role = 'owner' | 'admin' | 'member';
export type WorkspaceStatus = 'active' | 'suspended' | 'soft_deleted' | 'purged';
export type ApiKeyScope = 'read' | 'write' | 'admin';

export type UserTable = {
  id: Uuid;
  email: string;
  name: string | null;
  image: string | null;
  email_verified: NullableTimestamp;
  is_admin: ColumnType<boolean, boolean | undefined, boolean>;
  /** Bumped to end every session of the user (sign out of all devices, role change, removal). */
  session_version: ColumnType<number, number | undefined, number>;
  /** Preferred language (one of the 40 locales); null: the URL's. */
  locale: string | null;
  /** IANA time zone times are shown in; null: the browser's. */
  time_zone: string | null;
  created_at: CreatedAt;
};

/** A session (the `sid` in its JWT) signed out on its own; kept until any copy of its token has expired. */
export type RevokedSessionTable = { sid: string; user_id: string; expires_at: Timestamp; revoked_at: CreatedAt };

export type AccountTable = {
  user_id: string;
  type: string;
  provider: string;
  provider_account_id: string;
  created_at: CreatedAt;
};

export type VerificationTokenTable = { identifier: string; token: string; expires: Timestamp };

export type WorkspaceTable = {
  id: Uuid;
  name: string;
  status: ColumnType<WorkspaceStatus, WorkspaceStatus | undefined, WorkspaceStatus>;
  status_changed_at: Timestamp;
  purge_after: NullableTimestamp;
  /** Which action classes need a human: C only, or B and C. */
  approval_policy: ColumnType<
    'class_c' | 'class_b_and_c',
    'class_c' | 'class_b_and_c' | undefined,
    'class_c' | 'class_b_and_c'
  >;
  /** Runs of the whole workspace executing at once. */
  concurrency_limit: ColumnType<number, number | undefined, number>;
  /** Who may decide approvals: owners and admins, or every member. */
  approvers: ColumnType<WorkspaceApprovers, WorkspaceApprovers | undefined, WorkspaceApprovers>;
  /** When the first-run checklist was dismissed (migration 2026_12_03_0003); null: still shown. */
  first_run_dismissed_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  created_at: CreatedAt;
};

export type WorkspaceApprovers = 'admins' | 'members';

export type MembershipTable = { workspace_id: string; user_id: string; role: Role; created_at: CreatedAt };

export type InvitationTable = {
  id: Uuid;
  workspace_id: string;
  email: string;
  role: Exclude<Role, 'owner'>;
  token_hash: string;
  invited_by: string | null;
  expires_at: Timestamp;
  accepted_at: NullableTimestamp;
  revoked_at: NullableTimestamp;
  created_at: CreatedAt;
};

export type ApiKeyTable = {
  id: Uuid;
  workspace_id: string;
  created_by: string | null;
  name: string;
  prefix: string;
  last4: string;
  key_hash: string;
  scopes: ApiKeyScope[];
  expires_at: NullableTimestamp;
  revoked_at: NullableTimestamp;
  last_used_at: NullableTimestamp;
  created_at: CreatedAt;
};

export type RateLimitTable = { key: string; window_start: Timestamp; count: number };

export type AuditLogTable = {
  id: Generated<string>;
  workspace_id: string | null;
  actor_user_id: string | null;
  actor_label: string | null;
  action: string;
  target_type: string | null;
  target_id: string | null;
  ip: string | null;
  meta: Json;
  created_at: CreatedAt;
};

export type FeatureFlagTable = {
  key: string;
  enabled: boolean;
  description: ColumnType<string, string | undefined, string>;
  updated_by: string | null;
  updated_at: Timestamp;
};

export type EmailOutboxTable = {
  id: Uuid;
  to_address: string;
  subject: string;
  text: string;
  html: string | null;
  kind: string;
  status: 'pending' | 'sent' | 'failed' | 'stored';
  provider_id: string | null;
  error: string | null;
  created_at: CreatedAt;
  sent_at: NullableTimestamp;
};

export type Database = WorkflowTables &
  AiTables &
  ApiTables &
  WebhookTables &
  BillingTables &
  GuardianTables &
  TemplateTables & {
    telemetry_logs: TelemetryLogTable;
    users: UserTable;
    revoked_sessions: RevokedSessionTable;
    accounts: AccountTable;
    verification_tokens: VerificationTokenTable;
    workspaces: WorkspaceTable;
    memberships: MembershipTable;
    invitations: InvitationTable;
    api_keys: ApiKeyTable;
    rate_limits: RateLimitTable;
    audit_logs: AuditLogTable;
    feature_flags: FeatureFlagTable;
    email_outbox: EmailOutboxTable;
    job_runs: JobRunTable;
    heartbeats: HeartbeatTable;
  };

export type TelemetryLog = Selectable<TelemetryLogTable>;
export type NewTelemetryLog = Insertable<TelemetryLogTable>;

export type JobRunStatus = 'running' | 'succeeded' | 'failed';

export type JobRunTable = {
  id: Generated<string>;
  job_id: string;
  scheduled_for: Timestamp;
  status: JobRunStatus;
  attempt: ColumnType<number, number | undefined, number>;
  started_at: CreatedAt;
  finished_at: NullableTimestamp;
  error: string | null;
  result: ColumnType<unknown, string | null | undefined, string | null>;
};

export type HeartbeatTable = {
  id: Generated<string>;
  status: string;
  db_ok: boolean;
  stripe_ok: string | null;
  brain_ok: string | null;
  error_count_recent: number | null;
  latency_ms: number | null;
  created_at: CreatedAt;
};
