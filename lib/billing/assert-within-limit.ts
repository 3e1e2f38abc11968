import 'server-only';
// The enforcement hook: one indexed query decides whether an action fits the workspace's plan, and otherwise throws
// `limit_reached` naming the limit, the plan and the upgrade path.
import { type RawBuilder, type SqlBool, sql } from 'kysely';
import type { Db } from '@/db/client';
import { prepared } from '@/db/prepared';
import { getEnv } from '@/lib/env';
import { AppError } from '@/lib/errors';
import { type PlanId, planRank } from './catalogue';
import { type AccountRow, type Entitlements, entitlementsFrom } from './entitlements';
import { monthKey, monthStart } from './period';
import { type LimitName, planLimits, RUN_OVERAGE_CREDITS } from './plan-limits';

export type LimitCheck = {
  limit: LimitName;
  plan: PlanId;
  used: number;
  allowed: number;
  /** Credits the caller must spend (`spendCredits`) for runs beyond the month's allowance; 0 within it. */
  creditsToSpend: number;
};

/** What deciding a limit reads: the billing account, the amount used, the credit balance and the month's free grant. */
export type LimitRow = {
  plan: AccountRow['plan'] | null;
  status: AccountRow['status'] | null;
  grace_until: Date | null;
  limit_overrides: AccountRow['limit_overrides'];
  used: number | string;
  balance: number | string | null;
  free_granted: SqlBool;
};

/** Throws `limit_reached` unless `adding` more of `limit` fit the plan (for ai_credits: the credit balance). */
export async function assertWithinLimit(
  db: Db,
  workspaceId: string,
  limit: LimitName,
  options: { adding?: number; now?: Date } = {},
): Promise<LimitCheck> {
  const now = options.now ?? new Date();
  const query = sql<LimitRow>`
    select a.plan, a.status, a.grace_until, a.limit_overrides, (${usageQuery(limit, sql`${workspaceId}`, now)}) as used,
      (${balanceQuery(sql`${workspaceId}`)}) as balance, (${freeGrantedQuery(sql`${workspaceId}`, now)}) as free_granted
    from (select 1) as one left join billing_accounts a on a.workspace_id = ${workspaceId}`;
  // NOTE: prepared: every run start reads this, and the text is fixed per limit.
  const { rows } = await db.executeQuery(prepared(`limit_${limit}`, query.compile(db)));
  return decideLimit(rows[0]!, limit, { ...options, now });
}

/** The decision itself, for callers that read the row within a query of their own (a run start). */
export function decideLimit(
  row: LimitRow,
  limit: LimitName,
  { adding = 1, now = new Date() }: { adding?: number; now?: Date } = {},
): LimitCheck {
  const entitlements = entitlementsFrom(
    row.plan && row.status
      ? { plan: row.plan, status: row.status, grace_until: row.grace_until, limit_overrides: row.limit_overrides }
      : null,
    now,
  );
  const used = Number(row.used);
  const credits = availableCredits(entitlements, Number(row.balance ?? 0), Boolean(row.free_granted));
  const result = { limit, plan: entitlements.effectivePlan, creditsToSpend: 0 };

  if (limit === 'ai_credits') {
    if (adding <= credits) return { ...result, used: adding, allowed: credits };
    throw limitReached(entitlements, limit, adding, credits);
  }
  const allowed = entitlements.limits[limit];
  if (used + adding <= allowed) return { ...result, used, allowed };
  if (limit === 'runs_per_month') {
    const overage = Math.min(adding, used + adding - allowed) * RUN_OVERAGE_CREDITS;
    if (overage <= credits) return { ...result, used, allowed, creditsToSpend: overage };
  }
  throw limitReached(entitlements, limit, used, allowed);
}

/** Key of the free plan's monthly credit grant, made lazily on the first spend of the month. */
export const freeGrantKey = (now: Date) => `grant:plan:free:${monthKey(now)}`;

function availableCredits(entitlements: Entitlements, balance: number, freeGranted: boolean): number {
  return balance + (entitlements.effectivePlan === 'free' && !freeGranted ? planLimits.free.ai_credits : 0);
}

/** How much of `limit` a workspace has used; `workspaceId` is a parameter or a column of the caller's query. */
export function usageQuery(limit: LimitName, workspaceId: RawBuilder<unknown>, now: Date) {
  switch (limit) {
    case 'workflows':
      return sql<number>`select count(*)::int from workflows where workspace_id = ${workspaceId}`;
    case 'runs_per_month':
      return sql<number>`select coalesce(sum(count), 0)::int from usage_counters where workspace_id = ${workspaceId} and metric = 'workflow_runs' and period_start = ${monthStart(now)}::date`;
    case 'seats':
      return sql<number>`select ((select count(*) from memberships where workspace_id = ${workspaceId})
        + (select count(*) from invitations where workspace_id = ${workspaceId} and accepted_at is null and revoked_at is null and expires_at > ${now}))::int`;
    case 'ai_credits':
      return sql<number>`select 0`;
  }
}

export const balanceQuery = (workspaceId: RawBuilder<unknown>) =>
  sql<number | null>`select balance from credit_balances where workspace_id = ${workspaceId}`;

export const freeGrantedQuery = (workspaceId: RawBuilder<unknown>, now: Date) =>
  sql<boolean>`exists (select 1 from credit_ledger where workspace_id = ${workspaceId} and idempotency_key = ${freeGrantKey(now)})`;

const planName = (plan: PlanId) => plan.charAt(0).toUpperCase() + plan.slice(1);

const what: Record<LimitName, (n: number) => string> = {
  workflows: (n) => `${n} workflows`,
  runs_per_month: (n) => `${n.toLocaleString('en-GB')} workflow runs a month`,
  seats: (n) => `${n} seats`,
  ai_credits: (n) => `${n.toLocaleString('en-GB')} AI credits a month`,
};

/** The `limit_reached` error: what ran out, on which plan, and where to go next. */
export function limitReached(entitlements: Entitlements, limit: LimitName, used: number, allowed: number): AppError {
  const appUrl = getEnv().APP_URL.replace(/\/+$/, '');
  const plan = entitlements.effectivePlan;
  const upgradeUrl = entitlements.limited ? `${appUrl}/billing` : `${appUrl}/pricing?limit=${limit}`;
  const next = (['starter', 'growth', 'pro', 'business'] as const).find(
    (candidate) => planRank[candidate] > planRank[plan] && planLimits[candidate][limit] > allowed,
  );
  const upgrade = next
    ? `Upgrade to ${planName(next)} for ${what[limit](planLimits[next][limit])}`
    : 'Contact us to raise it';
  const reached = {
    workflows: `Your workspace has reached the ${planName(plan)} plan's limit of ${allowed} workflows (${used} in use).`,
    runs_per_month: `Your workspace has used ${used.toLocaleString('en-GB')} of the ${allowed.toLocaleString('en-GB')} workflow runs the ${planName(plan)} plan includes this month, and has no AI credits left to pay for more.`,
    seats: `Your workspace has reached the ${planName(plan)} plan's limit of ${allowed} seats (${used} members and pending invitations).`,
    ai_credits: `This needs ${used.toLocaleString('en-GB')} AI credits and your workspace has ${allowed.toLocaleString('en-GB')} left on the ${planName(plan)} plan.`,
  }[limit];
  const hint = entitlements.limited
    ? `Paid features are limited because a payment failed: update your payment method at ${upgradeUrl}`
    : `${upgrade}${limit === 'ai_credits' || limit === 'runs_per_month' ? ' or buy a credit pack' : ''}: ${upgradeUrl}`;
  return new AppError('limit_reached', `${reached} ${hint}`, { limit, plan, used, allowed, upgradeUrl });
}
