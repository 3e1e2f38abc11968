// What a workspace may use right now: its plan's limits, unless a failed payment's grace period has run out.
import type { BillingPlan, BillingStatus } from '@/db/types-billing';
import type { PlanId } from './catalogue';
import { type LimitName, type PlanLimits, planLimits } from './plan-limits';

export type AccountRow = {
  plan: BillingPlan;
  status: BillingStatus;
  grace_until: Date | null;
  limit_overrides: Record<string, number> | null;
};

export type Entitlements = {
  /** The plan the workspace pays for (free without a subscription). */
  plan: PlanId;
  /** The plan whose limits apply now: the paid plan, or free once a past-due grace period has ended. */
  effectivePlan: PlanId;
  status: BillingStatus;
  graceUntil: Date | null;
  /** True when paid features are limited because a payment failed and the grace period ended. */
  limited: boolean;
  limits: PlanLimits;
};

const overridable: readonly (LimitName | 'retention_days')[] = [
  'workflows',
  'runs_per_month',
  'seats',
  'ai_credits',
  'retention_days',
];

export function entitlementsFrom(row: AccountRow | null | undefined, now: Date): Entitlements {
  const plan: PlanId = row?.plan ?? 'free';
  const status: BillingStatus = row?.status ?? 'free';
  const graceUntil = row?.grace_until ?? null;
  const paying = status === 'active' || status === 'trialing';
  const inGrace = status === 'past_due' && graceUntil !== null && graceUntil.getTime() > now.getTime();
  const effectivePlan: PlanId = paying || inGrace ? plan : 'free';
  const limits: PlanLimits = { ...planLimits[effectivePlan] };
  for (const name of overridable) {
    const value = row?.limit_overrides?.[name];
    if (typeof value === 'number' && Number.isInteger(value) && value >= 0) limits[name] = value;
  }
  return { plan, effectivePlan, status, graceUntil, limited: status === 'past_due' && !inGrace, limits };
}
