import 'server-only';
// Stuck-run recovery: finds runs whose driver lost them (due long ago, no live lease) and hands them to the driver again.
import type { Db } from '@/db/client';
import { logger } from '@/lib/logger';
import { dispatchRuns } from './dispatch';

const STUCK_AFTER_MS = 5 * 60_000;

export async function recoverStuckRuns(db: Db, now: Date): Promise<{ recovered: number; jobRunsFailed: number }> {
  const stuckBefore = new Date(now.getTime() - STUCK_AFTER_MS);
  const stuck = await db
    .updateTable('workflow_runs')
    .set({ lease_until: null, updated_at: now })
    .where('status', 'in', ['queued', 'running'])
    .where('wake_at', '<', stuckBefore)
    .where('updated_at', '<', stuckBefore)
    .where((eb) => eb.or([eb('lease_until', 'is', null), eb('lease_until', '<', now)]))
    .returning(['id', 'workspace_id'])
    .execute();
  if (stuck.length > 0) {
    logger.warn({ runs: stuck.length }, 'recovering stuck workflow runs');
    await dispatchRuns(stuck.map((run) => ({ id: run.id, workspaceId: run.workspace_id })));
  }
  // NOTE: a scheduled job whose process died stays "running" forever otherwise.
  const jobRuns = await db
    .updateTable('job_runs')
    .set({ status: 'failed', finished_at: now, error: 'Abandoned: the process running it stopped' })
    .where('status', '=', 'running')
    .where('started_at', '<', new Date(now.getTime() - 60 * 60_000))
    .returning('id')
    .execute();
  return { recovered: stuck.length, jobRunsFailed: jobRuns.length };
}
