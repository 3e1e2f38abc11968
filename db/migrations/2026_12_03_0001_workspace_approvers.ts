// Who may approve or reject a gated step in a workspace: owners and admins (the default) or any member.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('workspaces')
    .addColumn('approvers', 'text', (col) =>
      col
        .notNull()
        .defaultTo('admins')
        .check(sql`approvers in ('admins', 'members')`),
    )
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('workspaces').dropColumn('approvers').execute();
}
