// The Inngest driver of workflow runs: each engine step in step.run, delays and retries in step.sleepUntil,
// approvals in step.waitForEvent (a timeout lets the engine record the approval as expired). The trigger's schema is
// checked before the body runs: a malformed event fails once, as non-retriable, and touches nothing.
import { getDb } from '@/db';
import type { Db } from '@/db/client';
import { type Advance, advanceRun, type EngineDeps } from '@/lib/workflows/engine/advance-run';
import { defaultEngineDeps } from '@/lib/workflows/engine/default-deps';
import { workflowEvents } from '@/lib/workflows/engine/dispatch';
import { inngest } from '../client';
import { runRequested } from '../events';

/** Engine steps one Inngest run may take (a 50-step workflow with retries and waits fits well within it). */
const MAX_ADVANCES = 1_000;

type Dependencies = { getDb: () => Promise<Db>; deps: EngineDeps };

export function createWorkflowRunFunction({ getDb, deps }: Dependencies) {
  return inngest.createFunction(
    {
      id: 'workflow-run',
      description: 'Drives one workflow run through the engine until it finishes.',
      triggers: [runRequested],
      // NOTE: one Inngest run per workflow run, however often it is dispatched (recovery re-sends the event).
      idempotency: 'event.data.runId',
      cancelOn: [{ event: workflowEvents.runCancelled, match: 'data.runId' }],
      concurrency: [{ key: 'event.data.workspaceId', limit: 20 }],
      retries: 3,
    },
    async ({ event, step }) => {
      const { runId } = event.data;
      for (let index = 0; index < MAX_ADVANCES; index++) {
        const advance = (await step.run(`advance-${index}`, async () =>
          advanceRun(await getDb(), runId, deps),
        )) as Advance;
        switch (advance.kind) {
          case 'continue':
            break;
          case 'sleep':
            await step.sleepUntil(`${advance.reason}-${index}`, advance.until);
            break;
          case 'wait_approval':
            await step.waitForEvent(`approval-${index}`, {
              event: workflowEvents.approvalDecided,
              if: `async.data.approvalId == '${advance.approvalId}'`,
              timeout: new Date(advance.expiresAt),
            });
            break;
          case 'finished':
            return { runId, status: advance.status };
        }
      }
      return { runId, status: 'handed_back' };
    },
  );
}

export const workflowRunFunction = createWorkflowRunFunction({ getDb, deps: defaultEngineDeps });
