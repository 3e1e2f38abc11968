import 'server-only';
// customer.subscription.created / updated / deleted / trial_will_end (and paused / resumed): keep the newest
// snapshot, recompute the workspace's account, and warn the owners when a trial is about to end.
import { logger } from '@/lib/logger';
import { billingEmails } from '../billing-emails';
import { refreshAccount } from '../refresh-account';
import { storeSubscription } from '../store-stripe-state';
import { planOfItems } from '../subscription-plan';
import { type EventHandler, orderOf } from './context';
import { terminalSubscriptionStatuses } from './event-order';
import { resolveWorkspace } from './resolve-workspace';
import { subscriptionSchema } from './stripe-objects';

const seconds = (value: number | null | undefined) => (value ? new Date(value * 1000) : null);

export const handleSubscriptionEvent: EventHandler = async ({ trx, event, emails }) => {
  const sub = subscriptionSchema.parse(event.data.object);
  const deleted = event.type === 'customer.subscription.deleted';
  const status = deleted ? 'canceled' : sub.status;
  const plan = planOfItems(sub.items.data.map((item) => item.price));
  if (!plan)
    logger.warn(
      { event_id: event.id, subscription: sub.id },
      'stripe subscription has no Levqor plan price; it grants nothing',
    );
  const workspaceId = await resolveWorkspace(trx, {
    candidates: [sub.metadata.workspace_id],
    customerId: sub.customer,
  });
  const item = sub.items.data[0];
  await storeSubscription(
    trx,
    {
      id: sub.id,
      workspaceId,
      customerId: sub.customer,
      status,
      plan: plan?.plan ?? null,
      lookupKey: plan?.lookupKey ?? null,
      interval: plan?.interval ?? null,
      currentPeriodStart: seconds(item?.current_period_start ?? sub.current_period_start),
      currentPeriodEnd: seconds(item?.current_period_end ?? sub.current_period_end),
      cancelAtPeriodEnd: sub.cancel_at_period_end,
      trialEnd: seconds(sub.trial_end),
    },
    orderOf(event, deleted || terminalSubscriptionStatuses.has(status) ? 'terminal' : 'snapshot'),
  );
  if (!workspaceId) {
    logger.warn(
      { event_id: event.id, subscription: sub.id },
      'stripe subscription for an unknown workspace; kept until its customer is linked',
    );
    return { outcome: 'unmatched' };
  }
  await refreshAccount(trx, workspaceId);
  if (event.type === 'customer.subscription.trial_will_end') {
    emails.push(
      billingEmails.trialEnding(workspaceId, {
        plan: plan ? plan.plan.charAt(0).toUpperCase() + plan.plan.slice(1) : 'Levqor',
        trialEnd: seconds(sub.trial_end),
      }),
    );
  }
  return { outcome: 'processed', workspaceId };
};
