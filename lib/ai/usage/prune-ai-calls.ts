import 'server-only';
// Retention of the AI spend records: `ai_calls` rows older than 400 days go (the power panel and usage pages read at
// most 30 days; a year and a month keeps one year-on-year comparison), and spike throttles that have ended go too.
import type { Db } from '@/db/client';

export const AI_CALL_RETENTION_DAYS = 400;

export async function pruneAiCalls(db: Db, now = new Date()): Promise<{ calls: number; throttles: number }> {
  const calls = await db
    .deleteFrom('ai_calls')
    .where('created_at', '<', new Date(now.getTime() - AI_CALL_RETENTION_DAYS * 86_400_000))
    .executeTakeFirst();
  // NOTE: a row an operator set (calls_per_minute) stays after its pause ends; only an ended spike throttle goes.
  const throttles = await db
    .deleteFrom('ai_throttles')
    .where('calls_per_minute', 'is', null)
    .where('throttled_until', '<', now)
    .executeTakeFirst();
  return { calls: Number(calls.numDeletedRows), throttles: Number(throttles.numDeletedRows) };
}
