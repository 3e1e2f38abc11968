import 'server-only';
// An operator limits one workspace's AI: its own calls per minute and/or a pause of N minutes; audit logged.
import { z } from 'zod';
import type { Db } from '@/db/client';
import type { SetAiThrottle } from '@/lib/admin/schemas';
import { recordAudit } from '@/lib/audit/record-audit';
import { AppError } from '@/lib/errors';

export type AiThrottleState = {
  workspaceId: string;
  callsPerMinute: number | null;
  throttledUntil: Date | null;
  reason: string | null;
};

export async function setAiThrottle(
  db: Db,
  actorUserId: string | null,
  workspaceId: string,
  change: SetAiThrottle,
  now = new Date(),
): Promise<AiThrottleState> {
  await assertWorkspace(db, workspaceId);
  const set = {
    ...(change.callsPerMinute !== undefined ? { calls_per_minute: change.callsPerMinute } : {}),
    ...(change.throttleMinutes !== undefined
      ? {
          throttled_until:
            change.throttleMinutes > 0 ? new Date(now.getTime() + change.throttleMinutes * 60_000) : null,
        }
      : {}),
    reason: 'admin',
    updated_by: actorUserId,
    updated_at: now,
  };
  const row = await db
    .insertInto('ai_throttles')
    .values({ workspace_id: workspaceId, calls_per_minute: null, throttled_until: null, ...set })
    .onConflict((oc) => oc.column('workspace_id').doUpdateSet(set))
    .returning(['workspace_id', 'calls_per_minute', 'throttled_until', 'reason'])
    .executeTakeFirstOrThrow();
  await recordAudit(db, {
    workspaceId,
    actorUserId,
    action: 'ai.throttle_set',
    targetType: 'workspace',
    targetId: workspaceId,
    meta: { calls_per_minute: row.calls_per_minute, throttled_until: row.throttled_until?.toISOString() ?? null },
  });
  return {
    workspaceId: row.workspace_id,
    callsPerMinute: row.calls_per_minute,
    throttledUntil: row.throttled_until,
    reason: row.reason,
  };
}

export async function assertWorkspace(db: Db, workspaceId: string): Promise<void> {
  const found = z.uuid().safeParse(workspaceId).success
    ? await db.selectFrom('workspaces').select('id').where('id', '=', workspaceId).executeTakeFirst()
    : undefined;
  if (!found) throw new AppError('not_found', 'Workspace not found');
}
