// Signed-webhook secret rotation: the previous secret and when it stops being accepted, and when the current one was shown.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('workflows')
    .addColumn('webhook_secret_previous', 'text')
    .addColumn('webhook_secret_previous_expires_at', 'timestamptz')
    .addColumn('webhook_secret_shown_at', 'timestamptz')
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('workflows')
    .dropColumn('webhook_secret_previous')
    .dropColumn('webhook_secret_previous_expires_at')
    .dropColumn('webhook_secret_shown_at')
    .execute();
}
