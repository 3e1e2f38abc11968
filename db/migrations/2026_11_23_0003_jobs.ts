// Jobs: one row per claimed occurrence of a scheduled job (claimed once across instances), and heartbeat history.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('job_runs')
    .addColumn('id', 'bigint', (col) => col.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('job_id', 'text', (col) => col.notNull())
    .addColumn('scheduled_for', 'timestamptz', (col) => col.notNull())
    .addColumn('status', 'text', (col) => col.notNull().check(sql`status in ('running', 'succeeded', 'failed')`))
    .addColumn('attempt', 'integer', (col) => col.notNull().defaultTo(1))
    .addColumn('started_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn('finished_at', 'timestamptz')
    .addColumn('error', 'text')
    .addColumn('result', 'jsonb')
    .addUniqueConstraint('job_runs_job_id_scheduled_for_key', ['job_id', 'scheduled_for'])
    .execute();

  await db.schema
    .createTable('heartbeats')
    .addColumn('id', 'bigint', (col) => col.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('status', 'text', (col) => col.notNull())
    .addColumn('db_ok', 'boolean', (col) => col.notNull())
    .addColumn('stripe_ok', 'text')
    .addColumn('brain_ok', 'text')
    .addColumn('error_count_recent', 'integer')
    .addColumn('latency_ms', 'double precision')
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex('heartbeats_created_at_idx').on('heartbeats').column('created_at').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('heartbeats').execute();
  await db.schema.dropTable('job_runs').execute();
}
