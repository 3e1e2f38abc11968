import 'server-only';
// Schedule triggers: starts one run for each enabled workflow whose next cron occurrence (in its time zone) is due.
import type { Db } from '@/db/client';
import { logError } from '@/lib/guardian/telemetry';
import { logger } from '@/lib/logger';
import { dispatchRuns } from '../engine/dispatch';
import { createRun } from '../runs/create-run';
import { nextOccurrence } from '../schedule/next-occurrence';

type DueWorkflow = {
  id: string;
  workspace_id: string;
  schedule_cron: string | null;
  schedule_timezone: string | null;
  next_run_at: Date | null;
};
type StartedRun = { id: string; workspaceId: string; queued: boolean };

/** A schedule that cannot be computed is tried again after this long, so it fails hourly, not on every tick. */
export const scheduleRetryMs = 60 * 60_000;

/**
 * Runs due schedules; a missed stretch (server down) gives one run, not one per missed occurrence. Each workflow is
 * handled alone: one that fails is recorded (`schedule.failed`) and moved on, and the others still start.
 */
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
  const started: StartedRun[] = [];
  for (const workflow of due) {
    try {
      const run = await fireSchedule(db, workflow, now);
      if (run) started.push(run);
    } catch (error) {
      await skipSchedule(db, workflow, now, error);
    }
  }
  // NOTE: a run of pure steps finished as it was created; only queued runs need a driver.
  await dispatchRuns(started.filter((run) => run.queued));
  return { started: started.length };
}

async function fireSchedule(db: Db, workflow: DueWorkflow, now: Date): Promise<StartedRun | null> {
  const occurrence = workflow.next_run_at!;
  const next = nextOccurrence(workflow.schedule_cron!, workflow.schedule_timezone ?? 'UTC', now);
  // NOTE: the trigger key makes the occurrence run once, even when two schedulers race.
  const run = await createRun(db, {
    workspaceId: workflow.workspace_id,
    workflowId: workflow.id,
    trigger: 'schedule',
    triggerKey: `schedule:${occurrence.toISOString()}`,
    payload: { scheduledFor: occurrence.toISOString() },
    dispatch: false,
  });
  await moveNextRun(db, workflow, next);
  return run.created ? { id: run.id, workspaceId: workflow.workspace_id, queued: run.status === 'queued' } : null;
}

/** Records the failure and moves past the occurrence: to the next one when it can be computed, else an hour on. */
async function skipSchedule(db: Db, workflow: DueWorkflow, now: Date, error: unknown): Promise<void> {
  const retryAt = nextRunOrRetry(workflow, now);
  const reason = error instanceof Error ? error.message : String(error);
  logger.warn(
    { err: error, workflow_id: workflow.id, retry_at: retryAt?.toISOString() ?? null },
    'scheduled run not started',
  );
  try {
    await moveNextRun(db, workflow, retryAt);
    await logError(db, {
      name: 'schedule.failed',
      workspace_id: workflow.workspace_id,
      message: `Scheduled run of workflow ${workflow.id} not started: ${reason}`,
      meta: {
        workflow_id: workflow.id,
        scheduled_for: workflow.next_run_at?.toISOString() ?? null,
        cron: workflow.schedule_cron,
        timezone: workflow.schedule_timezone,
        retry_at: retryAt?.toISOString() ?? null,
      },
    });
  } catch (recordError) {
    logger.error({ err: recordError, workflow_id: workflow.id }, 'could not record a failed schedule');
  }
}

function nextRunOrRetry(workflow: DueWorkflow, now: Date): Date | null {
  try {
    return nextOccurrence(workflow.schedule_cron!, workflow.schedule_timezone ?? 'UTC', now);
  } catch {
    return new Date(now.getTime() + scheduleRetryMs);
  }
}

async function moveNextRun(db: Db, workflow: DueWorkflow, next: Date | null): Promise<void> {
  await db
    .updateTable('workflows')
    .set({ next_run_at: next })
    .where('id', '=', workflow.id)
    .where('next_run_at', '=', workflow.next_run_at!)
    .execute();
}
