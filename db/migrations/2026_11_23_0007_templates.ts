// Shared templates: a workflow's definition shared as a template, private to its workspace or submitted for the
// public library (pending review until a platform admin approves it).
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('workflow_templates')
    .addColumn('id', 'uuid', (col) => col.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('workspace_id', 'uuid', (col) => col.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('source_workflow_id', 'uuid', (col) => col.references('workflows.id').onDelete('set null'))
    .addColumn('slug', 'text', (col) => col.notNull().unique())
    .addColumn('title', 'text', (col) => col.notNull())
    .addColumn('summary', 'text', (col) => col.notNull())
    .addColumn('category', 'text', (col) =>
      col.check(sql`category in ('backups', 'reporting', 'alerts', 'crm', 'ecommerce', 'support')`),
    )
    .addColumn('definition', 'jsonb', (col) => col.notNull())
    .addColumn('visibility', 'text', (col) => col.notNull().check(sql`visibility in ('workspace', 'public')`))
    .addColumn('status', 'text', (col) =>
      col.notNull().check(sql`status in ('private', 'pending_review', 'approved', 'rejected')`),
    )
    .addColumn('use_count', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('created_by', 'uuid', (col) => col.references('users.id').onDelete('set null'))
    .addColumn('reviewed_by', 'uuid', (col) => col.references('users.id').onDelete('set null'))
    .addColumn('review_note', 'text')
    .addColumn('reviewed_at', 'timestamptz')
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createIndex('workflow_templates_workspace_idx')
    .on('workflow_templates')
    .columns(['workspace_id', 'created_at'])
    .execute();
  await db.schema
    .createIndex('workflow_templates_status_idx')
    .on('workflow_templates')
    .columns(['status', 'created_at'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('workflow_templates').execute();
}
