// Backup checks: every checksum re-check of a snapshot (verify now, download, restore, the daily job) is recorded with its
// result, the snapshot keeps how its last check was made, and a workspace can dismiss its first-run checklist.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('backup_checks')
    .addColumn('id', 'uuid', (col) => col.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('snapshot_id', 'uuid', (col) => col.notNull().references('backup_snapshots.id').onDelete('cascade'))
    .addColumn('workspace_id', 'uuid', (col) => col.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('via', 'text', (col) => col.notNull().check(sql`via in ('verify', 'download', 'restore', 'scheduled')`))
    .addColumn('result', 'text', (col) => col.notNull().check(sql`result in ('ok', 'corrupt')`))
    .addColumn('actor_user_id', 'uuid', (col) => col.references('users.id').onDelete('set null'))
    .addColumn('checked_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createIndex('backup_checks_snapshot_idx')
    .on('backup_checks')
    .columns(['snapshot_id', 'checked_at'])
    .execute();
  await db.schema.alterTable('backup_snapshots').addColumn('verified_via', 'text').execute();
  await db.schema.alterTable('workspaces').addColumn('first_run_dismissed_at', 'timestamptz').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('workspaces').dropColumn('first_run_dismissed_at').execute();
  await db.schema.alterTable('backup_snapshots').dropColumn('verified_via').execute();
  await db.schema.dropTable('backup_checks').execute();
}
