import 'server-only';
// Applies a verified Stripe event exactly once: the event id is recorded in the same transaction as its effect, so a
// duplicate (also ten copies at once) finds the id taken and changes nothing. Emails go out after the commit.
import type { Kysely } from 'kysely';
import type Stripe from 'stripe';
import { ZodError } from 'zod';
import type { Database } from '@/db/types';
import { fieldIssues } from '@/lib/errors';
import { logger } from '@/lib/logger';
import { type BillingEmail, sendBillingEmails } from '../billing-emails';
import type { EventHandler, HandlerOutcome, WebhookContext } from './context';
import { handleChargeRefunded, handleDisputeCreated } from './handle-charge';
import { handleCheckoutEvent } from './handle-checkout';
import { handleInvoiceEvent } from './handle-invoice';
import { handleSubscriptionEvent } from './handle-subscription';
import type { StripeEventInput } from './stripe-objects';

const handlers: Record<string, EventHandler> = {
  'checkout.session.completed': handleCheckoutEvent,
  'checkout.session.async_payment_succeeded': handleCheckoutEvent,
  'checkout.session.async_payment_failed': handleCheckoutEvent,
  'customer.subscription.created': handleSubscriptionEvent,
  'customer.subscription.updated': handleSubscriptionEvent,
  'customer.subscription.deleted': handleSubscriptionEvent,
  'customer.subscription.trial_will_end': handleSubscriptionEvent,
  'customer.subscription.paused': handleSubscriptionEvent,
  'customer.subscription.resumed': handleSubscriptionEvent,
  'invoice.paid': handleInvoiceEvent,
  'invoice.payment_failed': handleInvoiceEvent,
  'invoice.payment_action_required': handleInvoiceEvent,
  'charge.refunded': handleChargeRefunded,
  'charge.dispute.created': handleDisputeCreated,
};

export const handledEventTypes = Object.keys(handlers);

export type ProcessResult = { duplicate: boolean } & HandlerOutcome;

export async function processStripeEvent(
  db: Kysely<Database>,
  event: StripeEventInput,
  deps: { stripe?: Stripe | null; now?: Date } = {},
): Promise<ProcessResult> {
  const emails: BillingEmail[] = [];
  const result = await db.transaction().execute(async (trx): Promise<ProcessResult> => {
    const recorded = await trx
      .insertInto('stripe_events')
      .values({
        id: event.id,
        type: event.type,
        stripe_created: new Date(event.created * 1000),
        livemode: event.livemode,
        outcome: 'processing',
      })
      .onConflict((oc) => oc.column('id').doNothing())
      .returning('id')
      .executeTakeFirst();
    if (!recorded) return { duplicate: true, outcome: 'ignored' };
    const handler = handlers[event.type];
    if (!handler) logger.info({ event_id: event.id, type: event.type }, 'stripe event type not handled; acknowledged');
    const outcome: HandlerOutcome = handler
      ? await runHandler(handler, { trx, event, stripe: deps.stripe ?? null, now: deps.now ?? new Date(), emails })
      : { outcome: 'ignored' };
    await trx
      .updateTable('stripe_events')
      .set({ outcome: outcome.outcome, workspace_id: outcome.workspaceId ?? null })
      .where('id', '=', event.id)
      .execute();
    return { duplicate: false, ...outcome };
  });
  if (result.duplicate) logger.info({ event_id: event.id, type: event.type }, 'duplicate stripe event ignored');
  if (emails.length > 0) await sendBillingEmails(db, emails);
  return result;
}

/** A signed event whose object lacks what we read is logged and acknowledged: Stripe resending it would not help. */
async function runHandler(handler: EventHandler, ctx: WebhookContext): Promise<HandlerOutcome> {
  try {
    return await handler(ctx);
  } catch (error) {
    if (!(error instanceof ZodError || (error as Error | null)?.name === 'ZodError')) throw error;
    logger.error(
      { event_id: ctx.event.id, type: ctx.event.type, issues: fieldIssues(error as ZodError) },
      'stripe event object has an unexpected shape; acknowledged without effect',
    );
    return { outcome: 'ignored' };
  }
}
