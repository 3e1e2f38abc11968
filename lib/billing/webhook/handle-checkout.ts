import 'server-only';
// checkout.session.completed / async_payment_succeeded / async_payment_failed: link the customer to the workspace;
// a subscription checkout records a provisional subscription (any real subscription event supersedes it); a one-off
// checkout records the purchase, grants a credit pack's credits once paid and sends the receipt.
import { logger } from '@/lib/logger';
import { billingEmails } from '../billing-emails';
import { findPrice, findProduct } from '../catalogue';
import { grantCredits } from '../grant-credits';
import { upsertPurchase } from '../purchases';
import { refreshAccount } from '../refresh-account';
import { storeSubscription } from '../store-stripe-state';
import { type EventHandler, orderOf } from './context';
import { resolveWorkspace } from './resolve-workspace';
import { checkoutSessionSchema } from './stripe-objects';

export const handleCheckoutEvent: EventHandler = async ({ trx, event, emails }) => {
  const session = checkoutSessionSchema.parse(event.data.object);
  const workspaceId = await resolveWorkspace(trx, {
    candidates: [session.metadata.workspace_id, session.client_reference_id],
    customerId: session.customer,
  });
  if (!workspaceId) {
    logger.warn({ event_id: event.id, session: session.id }, 'checkout session for an unknown workspace');
    return { outcome: 'unmatched' };
  }
  const price = findPrice(session.metadata.lookup_key);
  const failed = event.type === 'checkout.session.async_payment_failed';
  const paid = !failed && (session.payment_status === 'paid' || session.payment_status === 'no_payment_required');

  if (session.mode === 'subscription') {
    if (session.subscription && session.customer && price?.plan) {
      await storeSubscription(
        trx,
        {
          id: session.subscription,
          workspaceId,
          customerId: session.customer,
          status: failed ? 'incomplete_expired' : paid ? 'active' : 'incomplete',
          plan: price.plan,
          lookupKey: price.lookupKey,
          interval: price.interval ?? null,
          currentPeriodStart: null,
          currentPeriodEnd: null,
          cancelAtPeriodEnd: false,
          trialEnd: null,
        },
        orderOf(event, 'provisional'),
      );
    }
    await refreshAccount(trx, workspaceId);
    return { outcome: 'processed', workspaceId };
  }
  if (session.mode !== 'payment' || !price || price.kind === 'subscription') {
    logger.warn(
      { event_id: event.id, session: session.id, lookup_key: session.metadata.lookup_key ?? null },
      'checkout session for no known one-off price',
    );
    return { outcome: 'ignored', workspaceId };
  }

  const amount = session.amount_total ?? 0;
  const currency = session.currency ?? 'gbp';
  const newlyPaid = await upsertPurchase(trx, {
    workspaceId,
    checkoutSessionId: session.id,
    lookupKey: price.lookupKey,
    kind: price.kind,
    status: failed ? 'failed' : paid ? 'paid' : 'pending',
    amountTotal: amount,
    currency,
    paymentIntentId: session.payment_intent ?? null,
  });
  if (paid && price.credits) {
    await grantCredits(trx, workspaceId, {
      amount: price.credits,
      reason: `credit_pack:${price.lookupKey}`,
      idempotencyKey: `grant:checkout:${session.id}`,
      stripeRef: session.id,
      paymentRef: session.payment_intent ?? null,
    });
  }
  if (newlyPaid) {
    if (price.kind === 'dfy')
      logger.info(
        { workspace_id: workspaceId, lookup_key: price.lookupKey, session: session.id },
        'done-for-you package paid',
      );
    emails.push(
      billingEmails.receipt(workspaceId, {
        description: findProduct(price.productId)?.name ?? price.lookupKey,
        amount,
        currency,
      }),
    );
  }
  if (failed) emails.push(billingEmails.paymentFailed(workspaceId, { amount, currency, graceUntil: null }));
  return { outcome: 'processed', workspaceId };
};
