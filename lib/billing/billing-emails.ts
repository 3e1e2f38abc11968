import 'server-only';
// Billing emails (receipt, payment failed, payment needs confirming, trial ending, features limited), sent to the
// workspace's owners through the email module once the webhook's transaction has committed.
import type { Db } from '@/db/client';
import { sendEmail } from '@/lib/email/send-email';
import { getEnv } from '@/lib/env';
import { logger } from '@/lib/logger';

export type BillingEmail = { workspaceId: string; kind: string; subject: string; text: string };

const money = (amount: number, currency: string) =>
  new Intl.NumberFormat('en-GB', { style: 'currency', currency: currency.toUpperCase() }).format(amount / 100);
const day = (date: Date) => new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeZone: 'UTC' }).format(date);
const billingUrl = () => `${getEnv().APP_URL.replace(/\/+$/, '')}/billing`;

export const billingEmails = {
  receipt: (
    workspaceId: string,
    input: { description: string; amount: number; currency: string; invoiceUrl?: string | null },
  ): BillingEmail => ({
    workspaceId,
    kind: 'billing.receipt',
    subject: `Your Levqor receipt: ${money(input.amount, input.currency)}`,
    text: [
      `Thank you. We received ${money(input.amount, input.currency)} for ${input.description}.`,
      '',
      input.invoiceUrl ? `Invoice: ${input.invoiceUrl}` : `Billing: ${billingUrl()}`,
    ].join('\n'),
  }),
  paymentFailed: (
    workspaceId: string,
    input: { amount: number; currency: string; graceUntil: Date | null; invoiceUrl?: string | null },
  ): BillingEmail => ({
    workspaceId,
    kind: 'billing.payment_failed',
    subject: 'Your Levqor payment failed',
    text: [
      `We could not take your payment of ${money(input.amount, input.currency)}.`,
      ...(input.graceUntil
        ? [
            `Your plan keeps working until ${day(input.graceUntil)}; after that the workspace is limited to the free plan until the payment succeeds.`,
          ]
        : []),
      '',
      `Update your payment method: ${input.invoiceUrl ?? billingUrl()}`,
    ].join('\n'),
  }),
  actionRequired: (
    workspaceId: string,
    input: { amount: number; currency: string; invoiceUrl?: string | null },
  ): BillingEmail => ({
    workspaceId,
    kind: 'billing.payment_action_required',
    subject: 'Confirm your Levqor payment',
    text: [
      `Your bank asks you to confirm the payment of ${money(input.amount, input.currency)}.`,
      '',
      `Confirm it here: ${input.invoiceUrl ?? billingUrl()}`,
    ].join('\n'),
  }),
  trialEnding: (workspaceId: string, input: { plan: string; trialEnd: Date | null }): BillingEmail => ({
    workspaceId,
    kind: 'billing.trial_ending',
    subject: 'Your Levqor trial ends soon',
    text: [
      `Your ${input.plan} trial ends${input.trialEnd ? ` on ${day(input.trialEnd)}` : ' soon'}. Add a payment method to keep your plan; otherwise the workspace moves to the free plan.`,
      '',
      `Billing: ${billingUrl()}`,
    ].join('\n'),
  }),
  featuresLimited: (workspaceId: string): BillingEmail => ({
    workspaceId,
    kind: 'billing.features_limited',
    subject: 'Your Levqor workspace is now limited',
    text: [
      `The grace period after a failed payment has ended, so the workspace now has the free plan's limits.`,
      '',
      `Update your payment method to restore your plan: ${billingUrl()}`,
    ].join('\n'),
  }),
};

/** Sends each email to the workspace's owners; a failure is logged, never thrown (the event is already recorded). */
export async function sendBillingEmails(db: Db, emails: BillingEmail[]): Promise<void> {
  for (const email of emails) {
    try {
      const owners = await db
        .selectFrom('memberships')
        .innerJoin('users', 'users.id', 'memberships.user_id')
        .select('users.email')
        .where('memberships.workspace_id', '=', email.workspaceId)
        .where('memberships.role', '=', 'owner')
        .execute();
      for (const owner of owners)
        await sendEmail(db, { to: owner.email, subject: email.subject, text: email.text, kind: email.kind });
    } catch (error) {
      logger.error(
        { err: error, kind: email.kind, workspace_id: email.workspaceId },
        'billing email could not be sent',
      );
    }
  }
}
