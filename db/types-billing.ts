// Tables of billing (migration 0006): Stripe state, billing accounts, purchases, credits ledger and usage counters.
import type { ColumnType, Generated } from 'kysely';

type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
type Uuid = ColumnType<string, string | undefined, never>;
/** bigint: `pg` returns a string, PGlite a number. */
type BigIntColumn = ColumnType<string | number, number, number>;

export type BillingPlan = 'free' | 'starter' | 'growth' | 'pro' | 'business';
export type BillingStatus = 'free' | 'active' | 'trialing' | 'past_due' | 'canceled' | 'incomplete' | 'paused';
export type UsageMetric = 'workflow_runs' | 'api_calls' | 'ai_credits';
export type InvoiceState = 'paid' | 'failed' | 'action_required';
export type PurchaseStatus = 'pending' | 'paid' | 'failed' | 'refunded' | 'disputed';
export type CreditEntryKind = 'grant' | 'spend' | 'clawback';

export type BillingCustomerTable = { workspace_id: string; stripe_customer_id: string; created_at: CreatedAt };

export type BillingAccountTable = {
  workspace_id: string;
  plan: ColumnType<BillingPlan, BillingPlan | undefined, BillingPlan>;
  status: ColumnType<BillingStatus, BillingStatus | undefined, BillingStatus>;
  interval: 'month' | 'year' | null;
  subscription_id: string | null;
  current_period_end: NullableTimestamp;
  cancel_at_period_end: ColumnType<boolean, boolean | undefined, boolean>;
  trial_end: NullableTimestamp;
  grace_until: NullableTimestamp;
  /** Per-workspace limits set by an operator, over the plan's. */
  limit_overrides: ColumnType<Record<string, number>, string | undefined, string>;
  dunning_notified_at: NullableTimestamp;
  updated_at: Timestamp;
};

export type StripeEventTable = {
  id: string;
  type: string;
  stripe_created: Timestamp;
  livemode: boolean;
  outcome: string;
  workspace_id: string | null;
  received_at: CreatedAt;
};

type EventOrder = { order_rank: number; order_created: BigIntColumn; order_event_id: string };

export type StripeSubscriptionTable = EventOrder & {
  id: string;
  workspace_id: string | null;
  customer_id: string;
  status: string;
  plan: BillingPlan | null;
  lookup_key: string | null;
  interval: 'month' | 'year' | null;
  current_period_start: NullableTimestamp;
  current_period_end: NullableTimestamp;
  cancel_at_period_end: ColumnType<boolean, boolean | undefined, boolean>;
  trial_end: NullableTimestamp;
  updated_at: Timestamp;
};

export type StripeInvoiceTable = EventOrder & {
  id: string;
  workspace_id: string | null;
  customer_id: string;
  subscription_id: string | null;
  status: InvoiceState;
  amount_due: number;
  amount_paid: number;
  currency: string;
  invoice_created: Timestamp;
  hosted_invoice_url: string | null;
  updated_at: Timestamp;
};

export type BillingPurchaseTable = {
  id: Uuid;
  workspace_id: string;
  checkout_session_id: string;
  lookup_key: string;
  kind: 'dfy' | 'addon';
  status: PurchaseStatus;
  amount_total: number;
  currency: string;
  payment_intent_id: string | null;
  created_at: CreatedAt;
  updated_at: Timestamp;
};

export type CreditBalanceTable = { workspace_id: string; balance: number; updated_at: Timestamp };

export type CreditLedgerTable = {
  id: Generated<string>;
  workspace_id: string;
  kind: CreditEntryKind;
  delta: number;
  balance_after: number;
  reason: string;
  idempotency_key: string;
  stripe_ref: string | null;
  payment_ref: string | null;
  created_at: CreatedAt;
};

export type UsageCounterTable = {
  workspace_id: string;
  metric: UsageMetric;
  period_start: ColumnType<Date, string, never>;
  count: number;
  shard: Generated<number>;
};

export type BillingTables = {
  billing_customers: BillingCustomerTable;
  billing_accounts: BillingAccountTable;
  stripe_events: StripeEventTable;
  stripe_subscriptions: StripeSubscriptionTable;
  stripe_invoices: StripeInvoiceTable;
  billing_purchases: BillingPurchaseTable;
  credit_balances: CreditBalanceTable;
  credit_ledger: CreditLedgerTable;
  usage_counters: UsageCounterTable;
};
