import 'server-only';
// One workspace's AI use today (UTC): answers from the model and from the built-in fallbacks, spend against its daily
// budget, and whether it is throttled now.
import { sql } from 'kysely';
import type { Db } from '@/db/client';
import { getOpsSetting } from '@/lib/admin/ops-settings';
import type { Scope } from '@/lib/auth/scope';
import { MICROCENTS_PER_CENT } from '../pricing';
import { startOfUtcDay } from './get-ai-spend';

export type WorkspaceAiUsage = {
  modelAnswers: number;
  fallbackAnswers: number;
  /** Spend today in minor units (pence), with fractions. */
  spentCents: number;
  dailyBudgetCents: number;
  throttledUntil: Date | null;
};

export async function getWorkspaceAiUsage(
  db: Db,
  scope: Pick<Scope, 'workspaceId'>,
  now = new Date(),
): Promise<WorkspaceAiUsage> {
  const [usage, budget, throttle] = await Promise.all([
    db
      .selectFrom('ai_calls')
      .select([
        sql<string>`count(*) filter (where source = 'model')`.as('model'),
        sql<string>`count(*) filter (where source = 'fallback')`.as('fallback'),
        sql<string>`coalesce(sum(cost_microcents), 0)`.as('cost'),
      ])
      .where('workspace_id', '=', scope.workspaceId)
      .where('created_at', '>=', startOfUtcDay(now))
      .executeTakeFirstOrThrow(),
    getOpsSetting(db, 'ai.workspace_daily_budget_cents'),
    db
      .selectFrom('ai_throttles')
      .select('throttled_until')
      .where('workspace_id', '=', scope.workspaceId)
      .where('throttled_until', '>', now)
      .executeTakeFirst(),
  ]);
  return {
    modelAnswers: Number(usage.model),
    fallbackAnswers: Number(usage.fallback),
    spentCents: Number(usage.cost) / MICROCENTS_PER_CENT,
    dailyBudgetCents: budget,
    throttledUntil: throttle?.throttled_until ?? null,
  };
}
