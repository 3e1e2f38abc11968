import 'server-only';
// Ends a run: records its outcome, files failures in the failure queue and starts the workflows that listen for it.
import type { Db } from '@/db/client';
import { logger } from '@/lib/logger';
import { runEventData } from '@/lib/webhooks/event-data';
import { emitWebhookEvent } from '@/lib/webhooks/emit-webhook-event';
import { triggerEventWorkflows } from '../triggers/trigger-event-workflows';
import type { Advance } from './advance-run';
import type { LoadedRun } from './load-run';

type Finish = {
  status: 'succeeded' | 'failed' | 'rejected' | 'cancelled';
  now: Date;
  error?: { code: string; message: string; retryable: boolean; stepId?: string; attempts?: number };
  lastOutput?: unknown;
};

/** Failures a replay can fix go to the failure queue (a "no" ends a run `rejected`, never `failed`). */
const notDeadLettered = new Set(['workspace_deleted']);

export async function finishRun(db: Db, run: LoadedRun, finish: Finish): Promise<Advance> {
  const deadLetter = finish.status === 'failed' && !notDeadLettered.has(finish.error?.code ?? '');
  const updated = await db
    .updateTable('workflow_runs')
    .set({
      status: finish.status,
      waiting: null,
      finished_at: finish.now,
      updated_at: finish.now,
      lease_until: null,
      error: finish.error ? JSON.stringify(finish.error) : null,
      dead_lettered_at: deadLetter ? finish.now : null,
    })
    .where('id', '=', run.id)
    .where('status', 'in', ['queued', 'running'])
    .returning('id')
    .executeTakeFirst();
  if (!updated) return { kind: 'finished', status: finish.status };
  if (finish.status === 'failed')
    logger.warn({ run_id: run.id, workflow_id: run.workflow_id, error: finish.error }, 'workflow run failed');
  // NOTE: rejected and cancelled runs neither succeeded nor failed, so no `workflow.*` event listener starts.
  if (finish.status === 'succeeded' || finish.status === 'failed') {
    await emitWebhookEvent(db, run.workspace_id, `run.${finish.status}`, () => runEventData(db, run.id));
    await triggerEventWorkflows(db, {
      workspaceId: run.workspace_id,
      sourceWorkflowId: run.workflow_id,
      event: finish.status === 'succeeded' ? 'workflow.succeeded' : 'workflow.failed',
      payload: {
        runId: run.id,
        workflowId: run.workflow_id,
        status: finish.status,
        output: finish.lastOutput ?? null,
        error: finish.error ?? null,
        chain: chainOf(run.payload),
      },
    });
  }
  return { kind: 'finished', status: finish.status };
}

/** The runs this one descends from through event triggers (guards against endless chains). */
function chainOf(payload: unknown): string[] {
  const chain =
    payload && typeof payload === 'object' && 'chain' in payload ? (payload as { chain: unknown }).chain : [];
  return Array.isArray(chain) ? chain.filter((id): id is string => typeof id === 'string') : [];
}
