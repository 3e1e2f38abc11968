// Workflows: versioned definitions, runs and step runs (the engine's state machine), approvals,
// encrypted connector credentials and backup snapshots.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('workspaces')
    .addColumn('approval_policy', 'text', (col) =>
      col
        .notNull()
        .defaultTo('class_c')
        .check(sql`approval_policy in ('class_c', 'class_b_and_c')`),
    )
    .addColumn('concurrency_limit', 'integer', (col) => col.notNull().defaultTo(20))
    .execute();

  await db.schema
    .createTable('workflows')
    .addColumn('id', 'uuid', (col) => col.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('workspace_id', 'uuid', (col) => col.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('name', 'text', (col) => col.notNull())
    .addColumn('description', 'text')
    .addColumn('enabled', 'boolean', (col) => col.notNull().defaultTo(true))
    .addColumn('current_version', 'integer', (col) => col.notNull())
    .addColumn('trigger_type', 'text', (col) => col.notNull())
    .addColumn('webhook_token', 'text', (col) => col.notNull().unique())
    .addColumn('webhook_secret', 'text', (col) => col.notNull())
    .addColumn('schedule_cron', 'text')
    .addColumn('schedule_timezone', 'text')
    .addColumn('next_run_at', 'timestamptz')
    .addColumn('event_name', 'text')
    .addColumn('event_source_workflow_id', 'uuid')
    .addColumn('concurrency_limit', 'integer', (col) => col.notNull().defaultTo(10))
    .addColumn('retention', 'jsonb', (col) => col.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn('created_by', 'uuid', (col) => col.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createIndex('workflows_workspace_idx')
    .on('workflows')
    .columns(['workspace_id', 'updated_at'])
    .execute();
  await db.schema
    .createIndex('workflows_schedule_due_idx')
    .on('workflows')
    .column('next_run_at')
    .where(sql.ref('trigger_type'), '=', 'schedule')
    .execute();
  await db.schema.createIndex('workflows_event_idx').on('workflows').columns(['workspace_id', 'event_name']).execute();

  await db.schema
    .createTable('workflow_versions')
    .addColumn('workflow_id', 'uuid', (col) => col.notNull().references('workflows.id').onDelete('cascade'))
    .addColumn('version', 'integer', (col) => col.notNull())
    .addColumn('definition', 'jsonb', (col) => col.notNull())
    .addColumn('created_by', 'uuid', (col) => col.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('workflow_versions_pkey', ['workflow_id', 'version'])
    .execute();

  await db.schema
    .createTable('workflow_runs')
    .addColumn('id', 'uuid', (col) => col.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('workspace_id', 'uuid', (col) => col.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('workflow_id', 'uuid', (col) => col.notNull().references('workflows.id').onDelete('cascade'))
    .addColumn('version', 'integer', (col) => col.notNull())
    .addColumn('status', 'text', (col) =>
      col.notNull().check(sql`status in ('queued', 'running', 'succeeded', 'failed', 'cancelled')`),
    )
    .addColumn('waiting', 'text', (col) => col.check(sql`waiting in ('sleep', 'retry', 'approval', 'concurrency')`))
    .addColumn('trigger_type', 'text', (col) => col.notNull())
    .addColumn('trigger_key', 'text')
    .addColumn('payload', 'jsonb', (col) => col.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn('current_step_id', 'text')
    .addColumn('attempt', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('wake_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn('lease_until', 'timestamptz')
    .addColumn('error', 'jsonb')
    .addColumn('dead_lettered_at', 'timestamptz')
    .addColumn('replay_of', 'uuid')
    .addColumn('created_by', 'uuid', (col) => col.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn('started_at', 'timestamptz')
    .addColumn('finished_at', 'timestamptz')
    .addColumn('updated_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createIndex('workflow_runs_workspace_idx')
    .on('workflow_runs')
    .columns(['workspace_id', 'created_at'])
    .execute();
  await db.schema
    .createIndex('workflow_runs_workflow_idx')
    .on('workflow_runs')
    .columns(['workflow_id', 'created_at'])
    .execute();
  await db.schema
    .createIndex('workflow_runs_due_idx')
    .on('workflow_runs')
    .column('wake_at')
    .where(sql.ref('status'), 'in', ['queued', 'running'])
    .execute();
  await db.schema
    .createIndex('workflow_runs_dead_letter_idx')
    .on('workflow_runs')
    .columns(['workspace_id', 'dead_lettered_at'])
    .where(sql.ref('dead_lettered_at'), 'is not', null)
    .execute();
  await db.schema
    .createIndex('workflow_runs_running_idx')
    .on('workflow_runs')
    .columns(['workspace_id', 'workflow_id'])
    .where(sql.ref('status'), '=', 'running')
    .execute();
  // NOTE: one run per trigger occurrence (a schedule tick, an idempotent webhook delivery).
  await db.schema
    .createIndex('workflow_runs_trigger_key_idx')
    .on('workflow_runs')
    .columns(['workflow_id', 'trigger_key'])
    .unique()
    .execute();

  await db.schema
    .createTable('workflow_step_runs')
    .addColumn('id', 'bigint', (col) => col.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('run_id', 'uuid', (col) => col.notNull().references('workflow_runs.id').onDelete('cascade'))
    .addColumn('workspace_id', 'uuid', (col) => col.notNull())
    .addColumn('step_id', 'text', (col) => col.notNull())
    .addColumn('step_type', 'text', (col) => col.notNull())
    .addColumn('attempt', 'integer', (col) => col.notNull())
    .addColumn('status', 'text', (col) =>
      col.notNull().check(sql`status in ('running', 'succeeded', 'failed', 'waiting')`),
    )
    .addColumn('input', 'jsonb')
    .addColumn('output', 'jsonb')
    .addColumn('error', 'jsonb')
    .addColumn('started_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn('finished_at', 'timestamptz')
    .addColumn('duration_ms', 'double precision')
    .addUniqueConstraint('workflow_step_runs_attempt_key', ['run_id', 'step_id', 'attempt'])
    .execute();
  // NOTE: a step's success is recorded once; a second success row for the same step is refused by the database.
  await db.schema
    .createIndex('workflow_step_runs_success_idx')
    .on('workflow_step_runs')
    .columns(['run_id', 'step_id'])
    .unique()
    .where(sql.ref('status'), '=', 'succeeded')
    .execute();

  await db.schema
    .createTable('workflow_approvals')
    .addColumn('id', 'uuid', (col) => col.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('workspace_id', 'uuid', (col) => col.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('workflow_id', 'uuid', (col) => col.notNull().references('workflows.id').onDelete('cascade'))
    .addColumn('run_id', 'uuid', (col) => col.notNull().references('workflow_runs.id').onDelete('cascade'))
    .addColumn('step_id', 'text', (col) => col.notNull())
    .addColumn('action_class', 'text', (col) => col.notNull())
    .addColumn('message', 'text')
    .addColumn('status', 'text', (col) =>
      col
        .notNull()
        .defaultTo('pending')
        .check(sql`status in ('pending', 'approved', 'rejected', 'expired')`),
    )
    .addColumn('expires_at', 'timestamptz', (col) => col.notNull())
    .addColumn('decided_by', 'uuid', (col) => col.references('users.id').onDelete('set null'))
    .addColumn('decided_via', 'text')
    .addColumn('comment', 'text')
    .addColumn('decided_at', 'timestamptz')
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('workflow_approvals_run_step_key', ['run_id', 'step_id'])
    .execute();
  await db.schema
    .createIndex('workflow_approvals_inbox_idx')
    .on('workflow_approvals')
    .columns(['workspace_id', 'status', 'created_at'])
    .execute();
  await db.schema
    .createIndex('workflow_approvals_expiry_idx')
    .on('workflow_approvals')
    .column('expires_at')
    .where(sql.ref('status'), '=', 'pending')
    .execute();

  await db.schema
    .createTable('connector_credentials')
    .addColumn('id', 'uuid', (col) => col.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('workspace_id', 'uuid', (col) => col.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('name', 'text', (col) => col.notNull())
    .addColumn('connector', 'text', (col) => col.notNull())
    .addColumn('ciphertext', 'text', (col) => col.notNull())
    .addColumn('hint', 'text')
    .addColumn('created_by', 'uuid', (col) => col.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('connector_credentials_name_key', ['workspace_id', 'name'])
    .execute();

  await db.schema
    .createTable('backup_snapshots')
    .addColumn('id', 'uuid', (col) => col.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('workspace_id', 'uuid', (col) => col.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('workflow_id', 'uuid', (col) => col.notNull().references('workflows.id').onDelete('cascade'))
    .addColumn('run_id', 'uuid', (col) => col.references('workflow_runs.id').onDelete('set null'))
    .addColumn('step_id', 'text', (col) => col.notNull())
    .addColumn('name', 'text', (col) => col.notNull())
    .addColumn('format', 'text', (col) => col.notNull().check(sql`format in ('json', 'csv', 'text', 'binary')`))
    .addColumn('content_type', 'text', (col) => col.notNull())
    .addColumn('source', 'text', (col) => col.notNull())
    .addColumn('size_bytes', 'integer', (col) => col.notNull())
    .addColumn('sha256', 'text', (col) => col.notNull())
    .addColumn('content', 'bytea', (col) => col.notNull())
    .addColumn('verify_status', 'text', (col) =>
      col
        .notNull()
        .defaultTo('unverified')
        .check(sql`verify_status in ('unverified', 'ok', 'corrupt')`),
    )
    .addColumn('verified_at', 'timestamptz')
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createIndex('backup_snapshots_workflow_idx')
    .on('backup_snapshots')
    .columns(['workflow_id', 'created_at'])
    .execute();
  await db.schema
    .createIndex('backup_snapshots_workspace_idx')
    .on('backup_snapshots')
    .columns(['workspace_id', 'created_at'])
    .execute();
  // NOTE: one snapshot per run and step, so a retried backup step stores its snapshot once.
  await db.schema
    .createIndex('backup_snapshots_run_step_idx')
    .on('backup_snapshots')
    .columns(['run_id', 'step_id'])
    .unique()
    .execute();
  await db.schema
    .createIndex('backup_snapshots_verify_idx')
    .on('backup_snapshots')
    .columns(['verified_at', 'created_at'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'backup_snapshots',
    'connector_credentials',
    'workflow_approvals',
    'workflow_step_runs',
    'workflow_runs',
    'workflow_versions',
    'workflows',
  ]) {
    await db.schema.dropTable(table).execute();
  }
  await db.schema.alterTable('workspaces').dropColumn('approval_policy').dropColumn('concurrency_limit').execute();
}
