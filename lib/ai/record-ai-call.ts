import 'server-only';
// Writes one AI answer's row: which feature, model or fallback (and why), tokens, cost, credits and latency.
import type { Db } from '@/db/client';
import type { AiFeature, FallbackReason } from './schemas';

export type AiCallRecord = {
  id?: string;
  workspaceId: string;
  userId: string | null;
  feature: AiFeature;
  source: 'model' | 'fallback';
  fallbackReason?: FallbackReason | null;
  model?: string | null;
  promptTokens?: number;
  completionTokens?: number;
  costMicrocents?: number;
  credits?: number;
  latencyMs?: number;
  errorCode?: string | null;
  createdAt?: Date;
};

export async function recordAiCall(db: Db, record: AiCallRecord): Promise<void> {
  await db
    .insertInto('ai_calls')
    .values({
      ...(record.id ? { id: record.id } : {}),
      workspace_id: record.workspaceId,
      user_id: record.userId,
      feature: record.feature,
      source: record.source,
      fallback_reason: record.fallbackReason ?? null,
      model: record.model ?? null,
      prompt_tokens: record.promptTokens ?? 0,
      completion_tokens: record.completionTokens ?? 0,
      cost_microcents: record.costMicrocents ?? 0,
      credits: record.credits ?? 0,
      latency_ms: Math.max(0, Math.round(record.latencyMs ?? 0)),
      error_code: record.errorCode ?? null,
      ...(record.createdAt ? { created_at: record.createdAt } : {}),
    })
    .execute();
}
