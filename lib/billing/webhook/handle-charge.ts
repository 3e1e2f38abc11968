import 'server-only';
// charge.refunded and charge.dispute.created: mark the one-off purchase, and claw back the credits the payment
// granted (credit packs, or a subscription invoice's plan credits).
import type { Transaction } from 'kysely';
import type Stripe from 'stripe';
import type { Database } from '@/db/types';
import { logger } from '@/lib/logger';
import { clawBackCredits } from '../claw-back-credits';
import { markPurchases } from '../purchases';
import type { EventHandler } from './context';
import { chargeSchema, disputeSchema } from './stripe-objects';

export const handleChargeRefunded: EventHandler = async ({ trx, event, stripe }) => {
  const charge = chargeSchema.parse(event.data.object);
  const refs = await paymentRefs(trx, stripe, charge.id, charge.payment_intent ?? null);
  const marked =
    charge.refunded && charge.payment_intent ? await markPurchases(trx, charge.payment_intent, 'refunded') : [];
  const taken = await clawBackCredits(trx, {
    refs,
    share: charge.amount > 0 ? charge.amount_refunded / charge.amount : 1,
    chargeId: charge.id,
    idempotencyKey: `clawback:refund:${charge.id}:${charge.amount_refunded}`,
    reason: charge.refunded ? 'refund' : 'partial_refund',
  });
  const workspaceId = taken[0]?.workspaceId ?? marked[0] ?? null;
  logger.info(
    {
      event_id: event.id,
      charge: charge.id,
      workspace_id: workspaceId,
      credits_taken: taken.reduce((sum, t) => sum + t.taken, 0),
    },
    'stripe charge refunded',
  );
  return { outcome: workspaceId ? 'processed' : 'unmatched', workspaceId };
};

export const handleDisputeCreated: EventHandler = async ({ trx, event, stripe }) => {
  const dispute = disputeSchema.parse(event.data.object);
  const refs = await paymentRefs(trx, stripe, dispute.charge, dispute.payment_intent ?? null);
  const marked = dispute.payment_intent ? await markPurchases(trx, dispute.payment_intent, 'disputed') : [];
  const taken = await clawBackCredits(trx, {
    refs,
    share: 1,
    chargeId: dispute.charge,
    idempotencyKey: `clawback:dispute:${dispute.id}`,
    reason: 'dispute',
  });
  const workspaceId = taken[0]?.workspaceId ?? marked[0] ?? null;
  logger.warn(
    {
      event_id: event.id,
      dispute: dispute.id,
      charge: dispute.charge,
      reason: dispute.reason ?? null,
      workspace_id: workspaceId,
    },
    'stripe dispute opened',
  );
  return { outcome: workspaceId ? 'processed' : 'unmatched', workspaceId };
};

/** The references a payment's grants may carry: the charge, its payment intent, and the invoice it paid (asked of Stripe). */
async function paymentRefs(
  trx: Transaction<Database>,
  stripe: Stripe | null,
  chargeId: string,
  paymentIntentId: string | null,
): Promise<string[]> {
  const refs = [chargeId, ...(paymentIntentId ? [paymentIntentId] : [])];
  if (!stripe || !paymentIntentId) return refs;
  const local = await trx
    .selectFrom('credit_ledger')
    .select('id')
    .where('kind', '=', 'grant')
    .where('payment_ref', 'in', refs)
    .executeTakeFirst();
  if (local) return refs;
  try {
    const payments = await stripe.invoicePayments.list({
      payment: { type: 'payment_intent', payment_intent: paymentIntentId },
      limit: 1,
    });
    const invoice = payments.data[0]?.invoice;
    if (invoice) refs.push(typeof invoice === 'string' ? invoice : invoice.id!);
  } catch (error) {
    logger.warn(
      { err: error, payment_intent: paymentIntentId },
      'could not look up the invoice of a payment; clawing back by payment only',
    );
  }
  return refs;
}
