import 'server-only';
// Everything the billing and usage pages (and GET /api/billing) show: plan and status, limits against usage, the
// month's metering, the last six months, the credit balance with recent ledger entries, and one-off purchases.
import { sql } from 'kysely';
import type { Db } from '@/db/client';
import type { UsageMetric } from '@/db/types-billing';
import { requireScope, type Scope } from '@/lib/auth/scope';
import { freeGrantKey } from './assert-within-limit';
import type { Entitlements } from './entitlements';
import { getEntitlements } from './get-entitlements';
import { monthStart } from './period';
import { planLimits } from './plan-limits';

export type Meter = { used: number; allowed: number };
export type BillingSummary = {
  entitlements: Entitlements;
  subscription: {
    interval: 'month' | 'year' | null;
    currentPeriodEnd: Date | null;
    cancelAtPeriodEnd: boolean;
    trialEnd: Date | null;
  } | null;
  meters: { workflows: Meter; runs_per_month: Meter; seats: Meter };
  thisMonth: Record<UsageMetric, number>;
  history: ({ period: string } & Record<UsageMetric, number>)[];
  credits: {
    available: number;
    recent: { kind: string; delta: number; balanceAfter: number; reason: string; createdAt: Date }[];
  };
  purchases: {
    lookupKey: string;
    kind: string;
    status: string;
    amountTotal: number;
    currency: string;
    createdAt: Date;
  }[];
  hasBillingAccount: boolean;
};

export async function getBillingSummary(db: Db, scope: Scope, now = new Date()): Promise<BillingSummary> {
  requireScope(scope, 'read');
  const ws = scope.workspaceId;
  const entitlements = await getEntitlements(db, ws, now);
  const account = await db
    .selectFrom('billing_accounts')
    .select(['interval', 'current_period_end', 'cancel_at_period_end', 'trial_end', 'subscription_id'])
    .where('workspace_id', '=', ws)
    .executeTakeFirst();
  const {
    rows: [counts],
  } = await sql<{
    workflows: number;
    members: number;
    invitations: number;
    balance: number | null;
    free_granted: boolean;
    customer: boolean;
  }>`
    select (select count(*)::int from workflows where workspace_id = ${ws}) as workflows,
      (select count(*)::int from memberships where workspace_id = ${ws}) as members,
      (select count(*)::int from invitations where workspace_id = ${ws} and accepted_at is null and revoked_at is null and expires_at > ${now}) as invitations,
      (select balance from credit_balances where workspace_id = ${ws}) as balance,
      exists (select 1 from credit_ledger where workspace_id = ${ws} and idempotency_key = ${freeGrantKey(now)}) as free_granted,
      exists (select 1 from billing_customers where workspace_id = ${ws}) as customer`.execute(db);
  const sixMonthsAgo = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 5, 1));
  const usage = await db
    .selectFrom('usage_counters')
    .select([
      'metric',
      sql<string>`to_char(period_start, 'YYYY-MM')`.as('period'),
      sql<number>`sum(count)::int`.as('count'),
    ])
    .where('workspace_id', '=', ws)
    .where('period_start', '>=', sql<Date>`${monthStart(sixMonthsAgo)}::date`)
    .groupBy(['metric', 'period_start'])
    .execute();
  const ledger = await db
    .selectFrom('credit_ledger')
    .select(['kind', 'delta', 'balance_after', 'reason', 'created_at'])
    .where('workspace_id', '=', ws)
    .orderBy('id', 'desc')
    .limit(20)
    .execute();
  const purchases = await db
    .selectFrom('billing_purchases')
    .select(['lookup_key', 'kind', 'status', 'amount_total', 'currency', 'created_at'])
    .where('workspace_id', '=', ws)
    .orderBy('created_at', 'desc')
    .limit(20)
    .execute();

  const periods = Array.from({ length: 6 }, (_, i) =>
    monthStart(new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - i, 1))).slice(0, 7),
  );
  const history = periods.map((period) => {
    const of = (metric: UsageMetric) =>
      Number(usage.find((row) => row.period === period && row.metric === metric)?.count ?? 0);
    return { period, workflow_runs: of('workflow_runs'), api_calls: of('api_calls'), ai_credits: of('ai_credits') };
  });
  const c = counts!;
  const pendingFree = entitlements.effectivePlan === 'free' && !c.free_granted ? planLimits.free.ai_credits : 0;
  return {
    entitlements,
    subscription: account?.subscription_id
      ? {
          interval: account.interval,
          currentPeriodEnd: account.current_period_end,
          cancelAtPeriodEnd: account.cancel_at_period_end,
          trialEnd: account.trial_end,
        }
      : null,
    meters: {
      workflows: { used: c.workflows, allowed: entitlements.limits.workflows },
      runs_per_month: { used: history[0]!.workflow_runs, allowed: entitlements.limits.runs_per_month },
      seats: { used: c.members + c.invitations, allowed: entitlements.limits.seats },
    },
    thisMonth: {
      workflow_runs: history[0]!.workflow_runs,
      api_calls: history[0]!.api_calls,
      ai_credits: history[0]!.ai_credits,
    },
    history,
    credits: {
      available: (c.balance ?? 0) + pendingFree,
      recent: ledger.map((entry) => ({
        kind: entry.kind,
        delta: entry.delta,
        balanceAfter: entry.balance_after,
        reason: entry.reason,
        createdAt: entry.created_at,
      })),
    },
    purchases: purchases.map((p) => ({
      lookupKey: p.lookup_key,
      kind: p.kind,
      status: p.status,
      amountTotal: p.amount_total,
      currency: p.currency,
      createdAt: p.created_at,
    })),
    hasBillingAccount: c.customer,
  };
}
