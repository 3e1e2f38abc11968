import 'server-only';
// Finds the workspace a Stripe object belongs to (our metadata, the checkout reference, a known subscription or the
// customer), links the customer to it, and locks the workspace row so its events are applied one at a time.
import type { Transaction } from 'kysely';
import type { Database } from '@/db/types';
import { isUuid } from '@/lib/workspaces/in-transaction';
import { adoptCustomerObjects } from '../store-stripe-state';

type Clues = { candidates?: (string | null | undefined)[]; customerId?: string | null; subscriptionId?: string | null };

export async function resolveWorkspace(trx: Transaction<Database>, clues: Clues): Promise<string | null> {
  let workspaceId: string | null = null;
  for (const candidate of clues.candidates ?? []) {
    if (!isUuid(candidate)) continue;
    const row = await trx
      .selectFrom('workspaces')
      .select('id')
      .where('id', '=', candidate)
      .where('status', '!=', 'purged')
      .executeTakeFirst();
    if (row) {
      workspaceId = row.id;
      break;
    }
  }
  if (!workspaceId && clues.subscriptionId) {
    const row = await trx
      .selectFrom('stripe_subscriptions')
      .select('workspace_id')
      .where('id', '=', clues.subscriptionId)
      .executeTakeFirst();
    workspaceId = row?.workspace_id ?? null;
  }
  if (!workspaceId && clues.customerId) {
    const row = await trx
      .selectFrom('billing_customers')
      .select('workspace_id')
      .where('stripe_customer_id', '=', clues.customerId)
      .executeTakeFirst();
    workspaceId = row?.workspace_id ?? null;
  }
  if (!workspaceId) return null;
  await trx.selectFrom('workspaces').select('id').where('id', '=', workspaceId).forNoKeyUpdate().executeTakeFirst();
  if (clues.customerId) {
    await trx
      .insertInto('billing_customers')
      .values({ workspace_id: workspaceId, stripe_customer_id: clues.customerId })
      .onConflict((oc) => oc.doNothing())
      .execute();
    await adoptCustomerObjects(trx, clues.customerId, workspaceId);
  }
  return workspaceId;
}
