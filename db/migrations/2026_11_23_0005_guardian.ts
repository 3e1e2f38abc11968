// Guardian: upgrade plans (design-only), alert de-duplication, stored reports, operator settings, telemetry indexes.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('upgrade_plans')
    .addColumn('id', 'uuid', (col) => col.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('fingerprint', 'text', (col) => col.notNull().unique())
    .addColumn('title', 'text', (col) => col.notNull())
    .addColumn('description', 'text', (col) => col.notNull())
    .addColumn('status', 'text', (col) =>
      col
        .notNull()
        .defaultTo('open')
        .check(sql`status in ('open', 'in_progress', 'applied', 'archived')`),
    )
    .addColumn('priority', 'integer', (col) => col.notNull().check(sql`priority between 1 and 5`))
    .addColumn('category', 'text', (col) =>
      col.notNull().check(sql`category in ('performance', 'reliability', 'i18n', 'ux', 'pricing', 'security')`),
    )
    .addColumn('risk', 'text', (col) => col.notNull().check(sql`risk in ('low', 'medium', 'high')`))
    .addColumn('source', 'text', (col) => col.notNull())
    .addColumn('metadata', 'jsonb', (col) => col.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn('last_seen_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn('archived_at', 'timestamptz')
    .execute();
  await db.schema
    .createIndex('upgrade_plans_status_priority_idx')
    .on('upgrade_plans')
    .columns(['status', 'priority'])
    .execute();

  await db.schema
    .createTable('guardian_alerts')
    .addColumn('fingerprint', 'text', (col) => col.primaryKey())
    .addColumn('kind', 'text', (col) => col.notNull())
    .addColumn('title', 'text', (col) => col.notNull())
    .addColumn('occurrences', 'integer', (col) => col.notNull().defaultTo(1))
    .addColumn('first_seen_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn('last_seen_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn('last_sent_at', 'timestamptz')
    .addColumn('channels', sql`text[]`, (col) => col.notNull().defaultTo(sql`'{}'::text[]`))
    .execute();

  await db.schema
    .createTable('guardian_reports')
    .addColumn('id', 'bigint', (col) => col.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('kind', 'text', (col) => col.notNull().check(sql`kind in ('daily', 'weekly')`))
    .addColumn('scope_key', 'text', (col) => col.notNull())
    .addColumn('period_start', 'timestamptz', (col) => col.notNull())
    .addColumn('health_score', 'integer')
    .addColumn('body', 'jsonb', (col) => col.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('guardian_reports_kind_scope_period_key', ['kind', 'scope_key', 'period_start'])
    .execute();

  await db.schema
    .createTable('ops_settings')
    .addColumn('key', 'text', (col) => col.primaryKey())
    .addColumn('value', 'jsonb', (col) => col.notNull())
    .addColumn('updated_by', 'uuid', (col) => col.references('users.id').onDelete('set null'))
    .addColumn('updated_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createIndex('telemetry_logs_kind_created_at_idx')
    .on('telemetry_logs')
    .columns(['kind', 'created_at'])
    .execute();
  await db.schema.createIndex('job_runs_started_at_idx').on('job_runs').column('started_at').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('job_runs_started_at_idx').ifExists().execute();
  await db.schema.dropIndex('telemetry_logs_kind_created_at_idx').ifExists().execute();
  for (const table of ['ops_settings', 'guardian_reports', 'guardian_alerts', 'upgrade_plans'])
    await db.schema.dropTable(table).execute();
}
