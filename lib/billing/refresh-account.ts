import 'server-only';
// Recomputes a workspace's billing account from its stored Stripe state (call inside the webhook's transaction).
import type { Transaction } from 'kysely';
import type { Database } from '@/db/types';
import { type AccountState, deriveAccount } from './derive-account';

export async function refreshAccount(trx: Transaction<Database>, workspaceId: string): Promise<AccountState> {
  const subscriptions = await trx
    .selectFrom('stripe_subscriptions')
    .select([
      'id',
      'status',
      'plan',
      'interval',
      'current_period_start',
      'current_period_end',
      'cancel_at_period_end',
      'trial_end',
      'order_rank',
      'order_created',
      'order_event_id',
    ])
    .where('workspace_id', '=', workspaceId)
    .execute();
  const unpaid = await trx
    .selectFrom('stripe_invoices')
    .select(['subscription_id', 'invoice_created', 'order_created'])
    .where('workspace_id', '=', workspaceId)
    .where('status', '!=', 'paid')
    .execute();
  const state = deriveAccount(subscriptions, unpaid);
  const values = {
    plan: state.plan,
    status: state.status,
    interval: state.interval,
    subscription_id: state.subscriptionId,
    current_period_end: state.currentPeriodEnd,
    cancel_at_period_end: state.cancelAtPeriodEnd,
    trial_end: state.trialEnd,
    grace_until: state.graceUntil,
    updated_at: new Date(),
  };
  await trx
    .insertInto('billing_accounts')
    .values({ workspace_id: workspaceId, ...values })
    .onConflict((oc) =>
      oc
        .column('workspace_id')
        .doUpdateSet({ ...values, ...(state.status === 'past_due' ? {} : { dunning_notified_at: null }) }),
    )
    .execute();
  return state;
}
