import 'server-only';
// The platform's AI spend from `ai_calls`: today (UTC) and the last 30 days — answers, model vs fallback, tokens and
// cost — and the workspaces that spent most today.
import { sql } from 'kysely';
import type { Db } from '@/db/client';
import { MICROCENTS_PER_CENT } from '../pricing';

export type AiSpendTotals = {
  calls: number;
  modelCalls: number;
  fallbackCalls: number;
  promptTokens: number;
  completionTokens: number;
  /** Cost in minor units (pence), with fractions: one small answer costs a fraction of a penny. */
  costCents: number;
};
export type AiWorkspaceSpend = {
  workspaceId: string;
  name: string;
  calls: number;
  modelCalls: number;
  costCents: number;
};
export type AiSpend = { today: AiSpendTotals; last30d: AiSpendTotals; topWorkspacesToday: AiWorkspaceSpend[] };

const DAY_MS = 86_400_000;

export function startOfUtcDay(now: Date): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
}

export async function getAiSpend(db: Db, now = new Date(), topLimit = 10): Promise<AiSpend> {
  const today = startOfUtcDay(now);
  const month = new Date(now.getTime() - 30 * DAY_MS);
  const since = today < month ? today : month;
  const isToday = sql`created_at >= ${today}`;
  const inMonth = sql`created_at >= ${month}`;
  const [totals, top] = await Promise.all([
    db
      .selectFrom('ai_calls')
      .select([
        sql<string>`count(*) filter (where ${isToday})`.as('calls_d'),
        sql<string>`count(*) filter (where ${isToday} and source = 'model')`.as('model_d'),
        sql<string>`coalesce(sum(prompt_tokens) filter (where ${isToday}), 0)`.as('prompt_d'),
        sql<string>`coalesce(sum(completion_tokens) filter (where ${isToday}), 0)`.as('completion_d'),
        sql<string>`coalesce(sum(cost_microcents) filter (where ${isToday}), 0)`.as('cost_d'),
        sql<string>`count(*) filter (where ${inMonth})`.as('calls_m'),
        sql<string>`count(*) filter (where ${inMonth} and source = 'model')`.as('model_m'),
        sql<string>`coalesce(sum(prompt_tokens) filter (where ${inMonth}), 0)`.as('prompt_m'),
        sql<string>`coalesce(sum(completion_tokens) filter (where ${inMonth}), 0)`.as('completion_m'),
        sql<string>`coalesce(sum(cost_microcents) filter (where ${inMonth}), 0)`.as('cost_m'),
      ])
      .where('created_at', '>=', since)
      .where('created_at', '<=', now)
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('ai_calls')
      .innerJoin('workspaces', 'workspaces.id', 'ai_calls.workspace_id')
      .select([
        'ai_calls.workspace_id',
        'workspaces.name',
        sql<string>`count(*)`.as('calls'),
        sql<string>`count(*) filter (where ai_calls.source = 'model')`.as('model_calls'),
        sql<string>`coalesce(sum(ai_calls.cost_microcents), 0)`.as('cost'),
      ])
      .where('ai_calls.created_at', '>=', today)
      .where('ai_calls.created_at', '<=', now)
      .groupBy(['ai_calls.workspace_id', 'workspaces.name'])
      .orderBy(sql`coalesce(sum(ai_calls.cost_microcents), 0)`, 'desc')
      .orderBy(sql`count(*)`, 'desc')
      .limit(topLimit)
      .execute(),
  ]);
  const totalsOf = (suffix: 'd' | 'm'): AiSpendTotals => {
    const calls = Number(totals[`calls_${suffix}`]);
    const modelCalls = Number(totals[`model_${suffix}`]);
    return {
      calls,
      modelCalls,
      fallbackCalls: calls - modelCalls,
      promptTokens: Number(totals[`prompt_${suffix}`]),
      completionTokens: Number(totals[`completion_${suffix}`]),
      costCents: Number(totals[`cost_${suffix}`]) / MICROCENTS_PER_CENT,
    };
  };
  return {
    today: totalsOf('d'),
    last30d: totalsOf('m'),
    topWorkspacesToday: top.map((row) => ({
      workspaceId: row.workspace_id,
      name: row.name,
      calls: Number(row.calls),
      modelCalls: Number(row.model_calls),
      costCents: Number(row.cost) / MICROCENTS_PER_CENT,
    })),
  };
}
