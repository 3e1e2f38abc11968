import 'server-only';
// An operator lifts a workspace's AI throttle: its pause and its own calls per minute go; audit logged.
import type { Db } from '@/db/client';
import { recordAudit } from '@/lib/audit/record-audit';
import { assertWorkspace } from './set-ai-throttle';

export async function liftAiThrottle(
  db: Db,
  actorUserId: string | null,
  workspaceId: string,
): Promise<{ workspaceId: string; lifted: boolean }> {
  await assertWorkspace(db, workspaceId);
  const removed = await db
    .deleteFrom('ai_throttles')
    .where('workspace_id', '=', workspaceId)
    .returning(['calls_per_minute', 'throttled_until', 'reason'])
    .executeTakeFirst();
  if (removed)
    await recordAudit(db, {
      workspaceId,
      actorUserId,
      action: 'ai.throttle_lifted',
      targetType: 'workspace',
      targetId: workspaceId,
      meta: {
        calls_per_minute: removed.calls_per_minute,
        throttled_until: removed.throttled_until?.toISOString() ?? null,
        reason: removed.reason,
      },
    });
  return { workspaceId, lifted: Boolean(removed) };
}
