// Driver heartbeats: each embedded driver process beats here every few seconds, and a run's lease names its driver,
// so the leases of a driver that stopped beating (or restarted) can be taken over without waiting for them to expire.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('driver_heartbeats')
    .addColumn('driver_id', 'text', (col) => col.primaryKey())
    // NOTE: the same node (host, data folder, database) across restarts; a new process reclaims its predecessor's leases.
    .addColumn('identity', 'text', (col) => col.notNull())
    .addColumn('hostname', 'text', (col) => col.notNull())
    .addColumn('pid', 'integer', (col) => col.notNull())
    .addColumn('started_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn('beat_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex('driver_heartbeats_identity_idx').on('driver_heartbeats').column('identity').execute();
  await db.schema.alterTable('workflow_runs').addColumn('lease_owner', 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('workflow_runs').dropColumn('lease_owner').execute();
  await db.schema.dropTable('driver_heartbeats').execute();
}
