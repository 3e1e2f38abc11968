import 'server-only';
// Schedule triggers: starts one run for each enabled workflow whose next cron occurrence (in its time zone) is due.
import type { Db } from '@/db/client';
import { logger } from '@/lib/logger';
import { dispatchRuns } from '../engine/dispatch';
import { createRun } from '../runs/create-run';
import { nextScheduledRun } from '../trigger-columns';

/** Runs due schedules; a missed stretch (server down) gives one run, not one per missed occurrence. */
export async function runDueSchedules(db: Db, now: Date): Promise<{ started: number }> {
  const due = await db
    .selectFrom('workflows')
    .select(['id', 'workspace_id', 'schedule_cron', 'schedule_timezone', 'next_run_at'])
    .where('trigger_type', '=', 'schedule')
    .where('enabled', '=', true)
    .where('next_run_at', '<=', now)
    .orderBy('next_run_at')
    .limit(500)
    .execute();
  const started: { id: string; workspaceId: string; queued: boolean }[] = [];
  for (const workflow of due) {
    const occurrence = workflow.next_run_at!;
    const next = nextScheduledRun(workflow.schedule_cron!, workflow.schedule_timezone ?? 'UTC', now);
    try {
      // NOTE: the trigger key makes the occurrence run once, even when two schedulers race.
      const run = await createRun(db, { workspaceId: workflow.workspace_id, workflowId: workflow.id, trigger: 'schedule', triggerKey: `schedule:${occurrence.toISOString()}`, payload: { scheduledFor: occurrence.toISOString() }, dispatch: false });
      if (run.created) started.push({ id: run.id, workspaceId: workflow.workspace_id, queued: run.status === 'queued' });
    } catch (error) {
      logger.warn({ err: error, workflow_id: workflow.id }, 'scheduled run not started');
    }
    await db.updateTable('workflows').set({ next_run_at: next }).where('id', '=', workflow.id).where('next_run_at', '=', occurrence).execute();
  }
  // NOTE: a run of pure steps finished as it was created; only queued runs need a driver.
  await dispatchRuns(started.filter((run) => run.queued));
  return { started: started.length };
}
