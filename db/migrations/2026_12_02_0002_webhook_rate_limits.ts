// Inbound webhook rate limit per workflow: deliveries a minute, copied from the definition's webhook trigger.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('workflows')
    .addColumn('webhook_rate_limit', 'integer', (col) =>
      col
        .notNull()
        .defaultTo(60)
        .check(sql`webhook_rate_limit between 1 and 1000`),
    )
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('workflows').dropColumn('webhook_rate_limit').execute();
}
