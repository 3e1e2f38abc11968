// Webhook test fixtures: a subscription inserted directly (any URL, bypassing the subscribe-time check) and reads of
// the deliveries an event produced.
import type { Kysely } from 'kysely';
import type { Database } from '@/db/types';
import { encryptSecret } from '@/lib/crypto/secret-box';

export async function insertSubscription(
  db: Kysely<Database>,
  workspaceId: string,
  {
    url = 'https://hooks.example.com/levqor',
    events = ['run.succeeded', 'run.failed'],
    secret = 'whsec_fixture',
    enabled = true,
  } = {},
) {
  const row = await db
    .insertInto('webhook_subscriptions')
    .values({ workspace_id: workspaceId, url, events, secret: encryptSecret(secret, workspaceId), enabled })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function deliveriesOf(db: Kysely<Database>, subscriptionId: string) {
  const rows = await db
    .selectFrom('webhook_deliveries')
    .selectAll()
    .where('subscription_id', '=', subscriptionId)
    .orderBy('created_at')
    .execute();
  return rows.map((row) => ({ ...row, payload: row.payload as Record<string, any> })); // eslint-disable-line @typescript-eslint/no-explicit-any
}
