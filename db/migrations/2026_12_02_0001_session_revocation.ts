// Revocable JWT sessions: a per-user session version (bumped by "sign out of all devices" and membership changes)
// and the session ids signed out one by one, kept until no token carrying them can still be unexpired.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('users')
    .addColumn('session_version', 'integer', (col) => col.notNull().defaultTo(0))
    .execute();

  await db.schema
    .createTable('revoked_sessions')
    .addColumn('sid', 'text', (col) => col.primaryKey())
    .addColumn('user_id', 'uuid', (col) => col.notNull().references('users.id').onDelete('cascade'))
    .addColumn('expires_at', 'timestamptz', (col) => col.notNull())
    .addColumn('revoked_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex('revoked_sessions_user_id_idx').on('revoked_sessions').column('user_id').execute();
  await db.schema.createIndex('revoked_sessions_expires_at_idx').on('revoked_sessions').column('expires_at').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('revoked_sessions').execute();
  await db.schema.alterTable('users').dropColumn('session_version').execute();
}
