import 'server-only';
// One-off purchases (Done-For-You packages, add-ons) by checkout session; a status only moves forward
// (pending → paid or failed → refunded or disputed), whatever order the events arrive in.
import { sql, type Transaction } from 'kysely';
import type { Database } from '@/db/types';
import type { PurchaseStatus } from '@/db/types-billing';

export type PurchaseInput = {
  workspaceId: string;
  checkoutSessionId: string;
  lookupKey: string;
  kind: 'dfy' | 'addon';
  status: PurchaseStatus;
  amountTotal: number;
  currency: string;
  paymentIntentId: string | null;
};

const rank = (column: string) =>
  sql`(case ${sql.raw(column)} when 'pending' then 0 when 'paid' then 1 when 'failed' then 1 else 2 end)`;

/** Stores the purchase; returns true when this call moved it to `paid`. */
export async function upsertPurchase(trx: Transaction<Database>, input: PurchaseInput): Promise<boolean> {
  const before = await trx
    .selectFrom('billing_purchases')
    .select('status')
    .where('checkout_session_id', '=', input.checkoutSessionId)
    .executeTakeFirst();
  await trx
    .insertInto('billing_purchases')
    .values({
      workspace_id: input.workspaceId,
      checkout_session_id: input.checkoutSessionId,
      lookup_key: input.lookupKey,
      kind: input.kind,
      status: input.status,
      amount_total: input.amountTotal,
      currency: input.currency,
      payment_intent_id: input.paymentIntentId,
    })
    .onConflict((oc) =>
      oc
        .column('checkout_session_id')
        .doUpdateSet((eb) => ({
          status: eb.ref('excluded.status'),
          payment_intent_id: sql`coalesce(excluded.payment_intent_id, billing_purchases.payment_intent_id)`,
          updated_at: new Date(),
        }))
        .where(sql<boolean>`${rank('excluded.status')} > ${rank('billing_purchases.status')}`),
    )
    .execute();
  return input.status === 'paid' && before?.status !== 'paid' && (!before || before.status === 'pending');
}

/** Marks the purchases paid by a payment intent as refunded or disputed. */
export async function markPurchases(
  trx: Transaction<Database>,
  paymentIntentId: string,
  status: 'refunded' | 'disputed',
): Promise<string[]> {
  const rows = await trx
    .updateTable('billing_purchases')
    .set({ status, updated_at: new Date() })
    .where('payment_intent_id', '=', paymentIntentId)
    .where('status', 'in', ['paid', 'refunded', 'disputed'])
    .returning('workspace_id')
    .execute();
  return rows.map((row) => row.workspace_id);
}
