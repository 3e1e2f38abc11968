// What each plan includes: workflows, runs per month, AI credits per month, retention and seats.
import type { PlanId } from './catalogue';

export type LimitName = 'workflows' | 'runs_per_month' | 'seats' | 'ai_credits';
export type PlanLimits = Record<LimitName, number> & { retention_days: number };

export const planLimits: Record<PlanId, PlanLimits> = {
  free: { workflows: 5, runs_per_month: 1_000, ai_credits: 50, retention_days: 7, seats: 3 },
  starter: { workflows: 20, runs_per_month: 10_000, ai_credits: 500, retention_days: 30, seats: 5 },
  growth: { workflows: 75, runs_per_month: 50_000, ai_credits: 2_000, retention_days: 90, seats: 10 },
  pro: { workflows: 250, runs_per_month: 250_000, ai_credits: 10_000, retention_days: 365, seats: 25 },
  business: { workflows: 1_000, runs_per_month: 1_000_000, ai_credits: 50_000, retention_days: 730, seats: 100 },
};

/** Days a workspace keeps its paid features after a failed payment before they are limited to the free plan's. */
export const DUNNING_GRACE_DAYS = 7;

/** Credits one workflow run costs once the month's included runs are used up. */
export const RUN_OVERAGE_CREDITS = 1;
