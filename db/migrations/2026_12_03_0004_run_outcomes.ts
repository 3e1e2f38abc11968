// Run outcomes: a run can end `rejected` (an approval said no or timed out), and a cancel records who cancelled it.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table workflow_runs drop constraint if exists workflow_runs_status_check`.execute(db);
  await sql`alter table workflow_runs add constraint workflow_runs_status_check
    check (status in ('queued', 'running', 'succeeded', 'failed', 'rejected', 'cancelled'))`.execute(db);
  await db.schema
    .alterTable('workflow_runs')
    .addColumn('cancelled_by', 'uuid', (col) => col.references('users.id').onDelete('set null'))
    .execute();
  await backfillRunOutcomes(db);
}

/** Runs that ended on a "no" or a cancel were stored as failures before; they were never failures. */
export async function backfillRunOutcomes(db: Kysely<unknown>): Promise<void> {
  await sql`update workflow_runs set status = 'rejected', dead_lettered_at = null
    where status = 'failed' and error->>'code' in ('approval_rejected', 'approval_expired')`.execute(db);
  await sql`update workflow_runs set status = 'cancelled', dead_lettered_at = null
    where status = 'failed' and error->>'code' in ('cancelled', 'workspace_deleted')`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`update workflow_runs set status = 'failed' where status = 'rejected'`.execute(db);
  await db.schema.alterTable('workflow_runs').dropColumn('cancelled_by').execute();
  await sql`alter table workflow_runs drop constraint if exists workflow_runs_status_check`.execute(db);
  await sql`alter table workflow_runs add constraint workflow_runs_status_check
    check (status in ('queued', 'running', 'succeeded', 'failed', 'cancelled'))`.execute(db);
}
