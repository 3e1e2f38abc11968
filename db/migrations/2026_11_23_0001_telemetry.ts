// Telemetry: events, errors and request timings that the heartbeat and guardian read.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('telemetry_logs')
    .addColumn('id', 'bigint', (col) => col.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('level', 'text', (col) => col.notNull().check(sql`level in ('info', 'warn', 'error')`))
    .addColumn('kind', 'text', (col) => col.notNull().check(sql`kind in ('event', 'error', 'performance')`))
    .addColumn('name', 'text', (col) => col.notNull())
    .addColumn('message', 'text')
    .addColumn('path', 'text')
    .addColumn('status', 'integer')
    .addColumn('duration_ms', 'double precision')
    .addColumn('request_id', 'text')
    .addColumn('workspace_id', 'uuid')
    .addColumn('meta', 'jsonb', (col) => col.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex('telemetry_logs_created_at_idx').on('telemetry_logs').column('created_at').execute();
  await db.schema
    .createIndex('telemetry_logs_level_created_at_idx')
    .on('telemetry_logs')
    .columns(['level', 'created_at'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('telemetry_logs').execute();
}
