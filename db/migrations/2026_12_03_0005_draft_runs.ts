// Draft test runs: a test run of unsaved editor changes keeps the definition it ran, without creating a version.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('workflow_runs').addColumn('draft_definition', 'jsonb').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('workflow_runs').dropColumn('draft_definition').execute();
}
