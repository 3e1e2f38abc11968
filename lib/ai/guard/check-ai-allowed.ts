import 'server-only';
// Whether a workspace may call the model now: the global kill switch (the `ai.enabled` flag), its throttle (operator or spike), its calls per
// minute, and today's spend against the platform's and the workspace's daily budgets. Null means allowed.
import { sql } from 'kysely';
import type { Db } from '@/db/client';
import { getOpsSetting } from '@/lib/admin/ops-settings';
import { isFlagEnabled } from '@/lib/flags/is-flag-enabled';
import type { FallbackReason } from '../schemas';
import { MICROCENTS_PER_CENT } from '../pricing';
import { startOfUtcDay } from '../usage/get-ai-spend';
import { detectAiSpike } from './detect-ai-spike';

export async function checkAiAllowed(db: Db, workspaceId: string, now: Date): Promise<FallbackReason | null> {
  if (!(await isFlagEnabled(db, 'ai.enabled'))) return 'kill_switch';
  const minuteAgo = new Date(now.getTime() - 60_000);
  const dayStart = startOfUtcDay(now);
  const [throttle, defaultPerMinute, platformBudget, workspaceBudget, usage] = await Promise.all([
    db
      .selectFrom('ai_throttles')
      .select(['calls_per_minute', 'throttled_until'])
      .where('workspace_id', '=', workspaceId)
      .executeTakeFirst(),
    getOpsSetting(db, 'ai.workspace_calls_per_minute'),
    getOpsSetting(db, 'ai.daily_budget_cents'),
    getOpsSetting(db, 'ai.workspace_daily_budget_cents'),
    db
      .selectFrom('ai_calls')
      .select([
        sql<string>`coalesce(sum(cost_microcents), 0)`.as('platform'),
        sql<string>`coalesce(sum(cost_microcents) filter (where workspace_id = ${workspaceId}), 0)`.as('workspace'),
        sql<string>`count(*) filter (where workspace_id = ${workspaceId} and source = 'model' and created_at > ${minuteAgo})`.as(
          'minute',
        ),
      ])
      .where('created_at', '>=', dayStart < minuteAgo ? dayStart : minuteAgo)
      .executeTakeFirstOrThrow(),
  ]);
  if (throttle?.throttled_until && throttle.throttled_until > now) return 'throttled';
  if (Number(usage.minute) >= (throttle?.calls_per_minute ?? defaultPerMinute)) return 'throttled';
  if (Number(usage.platform) >= platformBudget * MICROCENTS_PER_CENT) return 'budget_exhausted';
  if (Number(usage.workspace) >= workspaceBudget * MICROCENTS_PER_CENT) return 'budget_exhausted';
  if (await detectAiSpike(db, workspaceId, now)) return 'throttled';
  return null;
}
