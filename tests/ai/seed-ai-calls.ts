// Test fixtures: ai_calls rows at given times (model calls by default), a clean slate of the AI guard's tables.
import type { Kysely } from 'kysely';
import type { Database } from '@/db/types';

export type SeedCall = {
  at: Date;
  source?: 'model' | 'fallback';
  costMicrocents?: number;
  promptTokens?: number;
  completionTokens?: number;
  feature?: 'workflow' | 'debug' | 'chat' | 'onboarding';
};

export async function seedAiCalls(db: Kysely<Database>, workspaceId: string, calls: SeedCall[]): Promise<void> {
  for (let start = 0; start < calls.length; start += 500) {
    await db
      .insertInto('ai_calls')
      .values(
        calls.slice(start, start + 500).map((call) => ({
          workspace_id: workspaceId,
          user_id: null,
          feature: call.feature ?? 'chat',
          source: call.source ?? 'model',
          fallback_reason: call.source === 'fallback' ? 'not_configured' : null,
          model: call.source === 'fallback' ? null : 'gpt-4o-mini',
          prompt_tokens: call.promptTokens ?? 0,
          completion_tokens: call.completionTokens ?? 0,
          cost_microcents: call.costMicrocents ?? 0,
          credits: call.source === 'fallback' ? 0 : 1,
          created_at: call.at,
        })),
      )
      .execute();
  }
}

/** `count` calls spread evenly over the minute that ends `minutesAgo` minutes before `now`. */
export function callsInMinute(now: Date, minutesAgo: number, count: number, extra: Omit<SeedCall, 'at'> = {}) {
  const end = now.getTime() - minutesAgo * 60_000;
  return Array.from({ length: count }, (_, i) => ({ ...extra, at: new Date(end - 1_000 - i * (58_000 / count)) }));
}

export async function clearAiGuardData(db: Kysely<Database>): Promise<void> {
  await db.deleteFrom('ai_calls').execute();
  await db.deleteFrom('ai_throttles').execute();
  await db.deleteFrom('ops_settings').execute();
  await db.deleteFrom('feature_flags').execute();
  await db.deleteFrom('telemetry_logs').execute();
  await db.deleteFrom('guardian_alerts').execute();
}
