import 'server-only';
// Keeps the newest snapshot of each subscription and invoice: an upsert that only wins when its event is newer.
import { sql, type Transaction } from 'kysely';
import type { Database } from '@/db/types';
import type { BillingPlan, InvoiceState } from '@/db/types-billing';
import type { EventOrder } from './webhook/event-order';

export type SubscriptionSnapshot = {
  id: string;
  workspaceId: string | null;
  customerId: string;
  status: string;
  plan: BillingPlan | null;
  lookupKey: string | null;
  interval: 'month' | 'year' | null;
  currentPeriodStart: Date | null;
  currentPeriodEnd: Date | null;
  cancelAtPeriodEnd: boolean;
  trialEnd: Date | null;
};

export type InvoiceSnapshot = {
  id: string;
  workspaceId: string | null;
  customerId: string;
  subscriptionId: string | null;
  status: InvoiceState;
  amountDue: number;
  amountPaid: number;
  currency: string;
  created: Date;
  hostedInvoiceUrl: string | null;
};

const newer = (table: 'stripe_subscriptions' | 'stripe_invoices') =>
  sql<boolean>`(excluded.order_rank, excluded.order_created, excluded.order_event_id) > (${sql.ref(`${table}.order_rank`)}, ${sql.ref(`${table}.order_created`)}, ${sql.ref(`${table}.order_event_id`)})`;

/** Stores the snapshot unless a newer one is already stored; returns true when it was applied. */
export async function storeSubscription(
  trx: Transaction<Database>,
  s: SubscriptionSnapshot,
  order: EventOrder,
): Promise<boolean> {
  const values = {
    customer_id: s.customerId,
    status: s.status,
    plan: s.plan,
    lookup_key: s.lookupKey,
    interval: s.interval,
    current_period_start: s.currentPeriodStart,
    current_period_end: s.currentPeriodEnd,
    cancel_at_period_end: s.cancelAtPeriodEnd,
    trial_end: s.trialEnd,
    order_rank: order.rank,
    order_created: order.created,
    order_event_id: order.eventId,
    updated_at: new Date(),
  };
  const applied = await trx
    .insertInto('stripe_subscriptions')
    .values({ id: s.id, workspace_id: s.workspaceId, ...values })
    .onConflict((oc) => oc.column('id').doUpdateSet(values).where(newer('stripe_subscriptions')))
    .returning('id')
    .executeTakeFirst();
  if (s.workspaceId)
    await trx
      .updateTable('stripe_subscriptions')
      .set({ workspace_id: s.workspaceId })
      .where('id', '=', s.id)
      .where('workspace_id', 'is', null)
      .execute();
  return Boolean(applied);
}

export async function storeInvoice(
  trx: Transaction<Database>,
  i: InvoiceSnapshot,
  order: EventOrder,
): Promise<boolean> {
  const values = {
    customer_id: i.customerId,
    subscription_id: i.subscriptionId,
    status: i.status,
    amount_due: i.amountDue,
    amount_paid: i.amountPaid,
    currency: i.currency,
    invoice_created: i.created,
    hosted_invoice_url: i.hostedInvoiceUrl,
    order_rank: order.rank,
    order_created: order.created,
    order_event_id: order.eventId,
    updated_at: new Date(),
  };
  const applied = await trx
    .insertInto('stripe_invoices')
    .values({ id: i.id, workspace_id: i.workspaceId, ...values })
    .onConflict((oc) => oc.column('id').doUpdateSet(values).where(newer('stripe_invoices')))
    .returning('id')
    .executeTakeFirst();
  if (i.workspaceId)
    await trx
      .updateTable('stripe_invoices')
      .set({ workspace_id: i.workspaceId })
      .where('id', '=', i.id)
      .where('workspace_id', 'is', null)
      .execute();
  return Boolean(applied);
}

/** Gives a customer's subscriptions and invoices stored before the customer was known their workspace. */
export async function adoptCustomerObjects(
  trx: Transaction<Database>,
  customerId: string,
  workspaceId: string,
): Promise<void> {
  await trx
    .updateTable('stripe_subscriptions')
    .set({ workspace_id: workspaceId })
    .where('customer_id', '=', customerId)
    .where('workspace_id', 'is', null)
    .execute();
  await trx
    .updateTable('stripe_invoices')
    .set({ workspace_id: workspaceId })
    .where('customer_id', '=', customerId)
    .where('workspace_id', 'is', null)
    .execute();
}
