import 'server-only';
// The workspaces an operator or spike detection has limited: throttled now, or with their own calls per minute.
import type { Db } from '@/db/client';

export type AiThrottleDto = {
  workspaceId: string;
  workspaceName: string;
  callsPerMinute: number | null;
  throttledUntil: Date | null;
  /** 'admin' | 'spike' */
  reason: string | null;
  active: boolean;
  updatedAt: Date;
};

export async function listAiThrottles(db: Db, now = new Date()): Promise<AiThrottleDto[]> {
  const rows = await db
    .selectFrom('ai_throttles')
    .innerJoin('workspaces', 'workspaces.id', 'ai_throttles.workspace_id')
    .select([
      'ai_throttles.workspace_id',
      'workspaces.name',
      'ai_throttles.calls_per_minute',
      'ai_throttles.throttled_until',
      'ai_throttles.reason',
      'ai_throttles.updated_at',
    ])
    .where((eb) =>
      eb.or([eb('ai_throttles.throttled_until', '>', now), eb('ai_throttles.calls_per_minute', 'is not', null)]),
    )
    .orderBy('ai_throttles.updated_at', 'desc')
    .limit(100)
    .execute();
  return rows.map((row) => ({
    workspaceId: row.workspace_id,
    workspaceName: row.name,
    callsPerMinute: row.calls_per_minute,
    throttledUntil: row.throttled_until,
    reason: row.reason,
    active: row.throttled_until !== null && row.throttled_until > now,
    updatedAt: row.updated_at,
  }));
}
