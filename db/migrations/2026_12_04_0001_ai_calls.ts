// AI: one row per AI answer (model or fallback) with model, tokens, cost and latency, and per-workspace throttles.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('ai_calls')
    .addColumn('id', 'uuid', (col) => col.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('workspace_id', 'uuid', (col) => col.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('user_id', 'uuid')
    .addColumn('feature', 'text', (col) => col.notNull())
    .addColumn('source', 'text', (col) => col.notNull().check(sql`source in ('model', 'fallback')`))
    .addColumn('fallback_reason', 'text')
    .addColumn('model', 'text')
    .addColumn('prompt_tokens', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('completion_tokens', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('cost_microcents', 'bigint', (col) => col.notNull().defaultTo(0))
    .addColumn('credits', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('latency_ms', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('error_code', 'text')
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createIndex('ai_calls_workspace_created_idx')
    .on('ai_calls')
    .columns(['workspace_id', 'created_at'])
    .execute();
  await db.schema.createIndex('ai_calls_created_idx').on('ai_calls').column('created_at').execute();

  await db.schema
    .createTable('ai_throttles')
    .addColumn('workspace_id', 'uuid', (col) => col.primaryKey().references('workspaces.id').onDelete('cascade'))
    .addColumn('calls_per_minute', 'integer')
    .addColumn('throttled_until', 'timestamptz')
    .addColumn('reason', 'text')
    .addColumn('updated_by', 'uuid')
    .addColumn('updated_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('ai_throttles').execute();
  await db.schema.dropTable('ai_calls').execute();
}
