// A workspace's billing account as a pure function of its stored subscriptions and unpaid invoices, so the result
// depends only on the newest snapshots, never on the order in which events arrived.
import type { BillingPlan, BillingStatus } from '@/db/types-billing';
import { planRank } from './catalogue';
import { addDays } from './period';
import { DUNNING_GRACE_DAYS } from './plan-limits';
import { compareOrder, type EventOrder } from './webhook/event-order';

export type SubscriptionRow = {
  id: string;
  status: string;
  plan: BillingPlan | null;
  interval: 'month' | 'year' | null;
  current_period_start: Date | null;
  current_period_end: Date | null;
  cancel_at_period_end: boolean;
  trial_end: Date | null;
  order_rank: number;
  order_created: number | string;
  order_event_id: string;
};

export type UnpaidInvoiceRow = {
  subscription_id: string | null;
  invoice_created: Date;
  order_created: number | string;
};

export type AccountState = {
  plan: BillingPlan;
  status: BillingStatus;
  interval: 'month' | 'year' | null;
  subscriptionId: string | null;
  currentPeriodEnd: Date | null;
  cancelAtPeriodEnd: boolean;
  trialEnd: Date | null;
  graceUntil: Date | null;
};

const FREE: AccountState = {
  plan: 'free',
  status: 'free',
  interval: null,
  subscriptionId: null,
  currentPeriodEnd: null,
  cancelAtPeriodEnd: false,
  trialEnd: null,
  graceUntil: null,
};
const HOUR_MS = 3_600_000;

function mapStatus(stripeStatus: string): BillingStatus {
  switch (stripeStatus) {
    case 'active':
    case 'trialing':
    case 'past_due':
    case 'incomplete':
    case 'paused':
      return stripeStatus;
    case 'unpaid':
      return 'past_due';
    default:
      return 'canceled';
  }
}

const orderOf = (sub: SubscriptionRow): EventOrder => ({
  rank: sub.order_rank,
  created: Number(sub.order_created),
  eventId: sub.order_event_id,
});

function evaluate(sub: SubscriptionRow, unpaid: UnpaidInvoiceRow[]) {
  const mine = unpaid.filter((invoice) => invoice.subscription_id === sub.id);
  let status = mapStatus(sub.status);
  // A failed payment reported after the newest subscription snapshot makes an active subscription past due.
  if (
    (status === 'active' || status === 'trialing') &&
    mine.some((invoice) => Number(invoice.order_created) >= Number(sub.order_created))
  )
    status = 'past_due';
  let graceUntil: Date | null = null;
  if (status === 'past_due') {
    const periodStart = sub.current_period_start?.getTime() ?? null;
    const current = mine
      .map((invoice) => invoice.invoice_created.getTime())
      .filter((time) => periodStart === null || time >= periodStart - HOUR_MS);
    const start = current.length ? Math.min(...current) : (periodStart ?? Number(sub.order_created) * 1000);
    graceUntil = addDays(new Date(start), DUNNING_GRACE_DAYS);
  }
  return {
    sub,
    status,
    graceUntil,
    entitled: sub.plan !== null && (status === 'active' || status === 'trialing' || status === 'past_due'),
  };
}

export function deriveAccount(subscriptions: SubscriptionRow[], unpaidInvoices: UnpaidInvoiceRow[]): AccountState {
  if (subscriptions.length === 0) return FREE;
  const evaluated = subscriptions.map((sub) => evaluate(sub, unpaidInvoices));
  const entitled = evaluated
    .filter((entry) => entry.entitled)
    .sort(
      (a, b) =>
        Number(a.status === 'past_due') - Number(b.status === 'past_due') ||
        planRank[b.sub.plan!] - planRank[a.sub.plan!] ||
        compareOrder(orderOf(b.sub), orderOf(a.sub)),
    );
  const chosen = entitled[0];
  if (!chosen) {
    const latest = [...evaluated].sort((a, b) => compareOrder(orderOf(b.sub), orderOf(a.sub)))[0]!;
    return {
      ...FREE,
      status:
        latest.status === 'active' || latest.status === 'trialing' || latest.status === 'past_due'
          ? 'free'
          : latest.status,
      subscriptionId: latest.sub.id,
    };
  }
  const { sub } = chosen;
  return {
    plan: sub.plan!,
    status: chosen.status,
    interval: sub.interval,
    subscriptionId: sub.id,
    currentPeriodEnd: sub.current_period_end,
    cancelAtPeriodEnd: sub.cancel_at_period_end,
    trialEnd: sub.trial_end,
    graceUntil: chosen.graceUntil,
  };
}
