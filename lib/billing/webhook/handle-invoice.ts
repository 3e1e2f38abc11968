import 'server-only';
// invoice.paid / payment_failed / payment_action_required: keep the invoice's newest state, grant the plan's AI
// credits for a paid subscription invoice, recompute past-due and grace, and email receipt or dunning notice.
import { logger } from '@/lib/logger';
import { billingEmails } from '../billing-emails';
import { grantCredits } from '../grant-credits';
import { planLimits } from '../plan-limits';
import { refreshAccount } from '../refresh-account';
import { storeInvoice } from '../store-stripe-state';
import { planOfInvoice } from '../subscription-plan';
import { type EventHandler, orderOf } from './context';
import { resolveWorkspace } from './resolve-workspace';
import { invoiceMetadata, invoiceSchema, invoiceSubscriptionId } from './stripe-objects';

export const handleInvoiceEvent: EventHandler = async ({ trx, event, emails }) => {
  const invoice = invoiceSchema.parse(event.data.object);
  const subscriptionId = invoiceSubscriptionId(invoice);
  const metadata = invoiceMetadata(invoice);
  const paid = event.type === 'invoice.paid';
  const workspaceId = await resolveWorkspace(trx, {
    candidates: [metadata.workspace_id],
    customerId: invoice.customer,
    subscriptionId,
  });
  await storeInvoice(
    trx,
    {
      id: invoice.id,
      workspaceId,
      customerId: invoice.customer,
      subscriptionId,
      status: paid ? 'paid' : event.type === 'invoice.payment_failed' ? 'failed' : 'action_required',
      amountDue: invoice.amount_due,
      amountPaid: invoice.amount_paid,
      currency: invoice.currency,
      created: new Date(invoice.created * 1000),
      hostedInvoiceUrl: invoice.hosted_invoice_url ?? null,
    },
    orderOf(event, paid ? 'snapshot' : 'provisional'),
  );
  if (!workspaceId) {
    logger.warn(
      { event_id: event.id, invoice: invoice.id },
      'stripe invoice for an unknown workspace; kept until its customer is linked',
    );
    return { outcome: 'unmatched' };
  }

  // NOTE: a plan's credits come with each paid period (first invoice and renewals), not with proration invoices.
  if (paid && subscriptionId && /^subscription_(create|cycle)$/.test(invoice.billing_reason ?? 'subscription_cycle')) {
    const charged = planOfInvoice(invoice);
    if (charged) {
      const amount = planLimits[charged.plan].ai_credits * (charged.interval === 'year' ? 12 : 1);
      const paymentRef =
        invoice.payments?.data.find((entry) => entry.payment.payment_intent)?.payment.payment_intent ?? null;
      await grantCredits(trx, workspaceId, {
        amount,
        reason: `plan_${charged.plan}_${charged.interval}`,
        idempotencyKey: `grant:invoice:${invoice.id}`,
        stripeRef: invoice.id,
        paymentRef,
      });
    } else {
      logger.warn(
        { event_id: event.id, invoice: invoice.id },
        'paid invoice of a subscription with no known plan; no credits granted',
      );
    }
  }
  const account = await refreshAccount(trx, workspaceId);

  const money = {
    amount: paid ? invoice.amount_paid : invoice.amount_due,
    currency: invoice.currency,
    invoiceUrl: invoice.hosted_invoice_url ?? null,
  };
  if (paid && invoice.amount_paid > 0)
    emails.push(billingEmails.receipt(workspaceId, { ...money, description: 'your Levqor subscription' }));
  else if (event.type === 'invoice.payment_failed')
    emails.push(billingEmails.paymentFailed(workspaceId, { ...money, graceUntil: account.graceUntil }));
  else if (event.type === 'invoice.payment_action_required')
    emails.push(billingEmails.actionRequired(workspaceId, money));
  return { outcome: 'processed', workspaceId };
};
