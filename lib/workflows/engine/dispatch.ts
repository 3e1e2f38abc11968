import 'server-only';
// Tells the active driver that a run has work: an Inngest event in production, a wake-up of the embedded driver otherwise.
import { inngest } from '@/inngest/client';
import { configuredServices } from '@/lib/env';
import { logger } from '@/lib/logger';

export const workflowEvents = {
  runRequested: 'levqor/workflow.run.requested',
  approvalDecided: 'levqor/workflow.approval.decided',
  runCancelled: 'levqor/workflow.run.cancelled',
} as const;

type Waker = { wake: () => void };
const globalForDriver = globalThis as unknown as { levqorWorkflowDriver?: Waker };

export function registerEmbeddedDriver(driver: Waker | undefined): void {
  globalForDriver.levqorWorkflowDriver = driver;
}

function usesInngest(): boolean {
  return configuredServices().jobs === 'inngest';
}

/** New or resumed runs: start (Inngest) or wake the embedded driver at once. */
export async function dispatchRuns(runs: { id: string; workspaceId: string }[]): Promise<void> {
  if (runs.length === 0) return;
  if (!usesInngest()) {
    globalForDriver.levqorWorkflowDriver?.wake();
    return;
  }
  await inngest.send(
    runs.map((run) => ({
      name: workflowEvents.runRequested,
      data: { runId: run.id, workspaceId: run.workspaceId },
      id: `run-${run.id}`,
    })),
  );
}

/** A decided approval resumes its run. */
export async function dispatchApprovalDecided(approval: { id: string; runId: string; status: string }): Promise<void> {
  if (!usesInngest()) {
    globalForDriver.levqorWorkflowDriver?.wake();
    return;
  }
  await inngest.send({
    name: workflowEvents.approvalDecided,
    data: { approvalId: approval.id, runId: approval.runId, status: approval.status },
  });
}

export async function dispatchCancelled(runId: string): Promise<void> {
  if (!usesInngest()) return;
  await inngest
    .send({ name: workflowEvents.runCancelled, data: { runId } })
    .catch((error: unknown) => logger.warn({ err: error, run_id: runId }, 'could not send the cancel event'));
}
