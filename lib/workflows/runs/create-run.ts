import 'server-only';
// Starts a run of a workflow's current version (manual, schedule, webhook, event or replay): a run of pure steps is
// finished at once (engine/run-inline.ts); any other is queued and handed to the driver.
import { randomUUID } from 'node:crypto';
import type { Db } from '@/db/client';
import { prepared } from '@/db/prepared';
import { recordUsage, spendCredits } from '@/lib/billing';
import { decideLimit } from '@/lib/billing/assert-within-limit';
import { AppError } from '@/lib/errors';
import { runEventData } from '@/lib/webhooks/event-data';
import { emitWebhookEvent } from '@/lib/webhooks/emit-webhook-event';
import { inTransaction } from '@/lib/workspaces/in-transaction';
import { limits, type WorkflowDefinition } from '../definition';
import { runsEnabled } from '../engine/admit-run';
import { dispatchRuns } from '../engine/dispatch';
import { loadDefinition } from '../engine/load-run';
import { isInlineRunnable, runInline } from '../engine/run-inline';
import { storeFinishedRun } from './store-finished-runs';
import { selectWorkflowHead, type WorkflowHead } from './workflow-head';

export type RunTrigger = 'manual' | 'schedule' | 'webhook' | 'event' | 'replay';

export type CreateRunInput = {
  workspaceId: string;
  workflowId: string;
  trigger: RunTrigger;
  payload?: unknown;
  /** One run per key per workflow: a schedule tick or a webhook delivery id. */
  triggerKey?: string;
  createdBy?: string | null;
  replayOf?: string;
  /** A pinned version (replays); default the workflow's current version. */
  version?: number;
  /** A test run of unsaved changes: run this (validated) definition instead of a saved version. */
  draftDefinition?: WorkflowDefinition;
  /** Do not hand the run to the driver (the caller dispatches a batch). */
  dispatch?: boolean;
};

export type CreatedRun = { id: string; workflowId: string; workspaceId: string; status: string; created: boolean };

/** `known` skips the lookup when the caller has just read the row (the webhook trigger), at `now`. */
export async function createRun(
  db: Db,
  input: CreateRunInput,
  known?: { head: WorkflowHead; now: Date },
): Promise<CreatedRun> {
  const now = known?.now ?? new Date();
  const workflow =
    known?.head ??
    (
      await db.executeQuery(
        prepared(
          'run_head',
          selectWorkflowHead(db, now)
            .where('workflows.id', '=', input.workflowId)
            .where('workflows.workspace_id', '=', input.workspaceId),
        ),
      )
    ).rows[0];
  if (!workflow) throw new AppError('not_found', 'Workflow not found');
  if (!workflow.enabled && input.trigger !== 'manual' && input.trigger !== 'replay')
    throw new AppError('conflict', 'This workflow is disabled; enable it to run it');
  const payload = JSON.stringify(input.payload ?? {});
  if (Buffer.byteLength(payload) > limits.payloadBytes) {
    throw new AppError('payload_too_large', `The run payload is larger than ${limits.payloadBytes / 1024} KiB`);
  }
  // NOTE: the plan's monthly runs; beyond them a run costs credits, and with none left it is refused (429, naming the limit).
  const limit = decideLimit(workflow, 'runs_per_month', { now });
  const version = input.version ?? workflow.current_version;
  const definition = input.draftDefinition ?? (await loadDefinition(db, workflow.id, version));
  // NOTE: draft runs are always queued: the inline batch writer stores saved-version runs only.
  if (!input.draftDefinition && limit.creditsToSpend === 0 && (await inlineAllowed(db, workflow, definition, now))) {
    const id = randomUUID();
    const inline = await runInline(db, definition, {
      runId: id,
      workspaceId: input.workspaceId,
      workflowId: workflow.id,
      triggerType: input.trigger,
      payload: JSON.parse(payload),
    });
    if (inline) {
      const stored = await storeFinishedRun(db, {
        id,
        workspaceId: input.workspaceId,
        workflowId: workflow.id,
        version,
        trigger: input.trigger,
        triggerKey: input.triggerKey ?? null,
        payload,
        createdBy: input.createdBy ?? null,
        replayOf: input.replayOf ?? null,
        inline,
      });
      if (!stored) return existingRun(db, workflow.id, input);
      await emitWebhookEvent(db, input.workspaceId, 'run.succeeded', () => runEventData(db, id));
      return { id, workflowId: workflow.id, workspaceId: input.workspaceId, status: 'succeeded', created: true };
    }
  }
  // NOTE: the run, its usage count and any overage credits commit together (one WAL flush, nothing half-recorded).
  const inserted = await inTransaction(db, async (trx) => {
    const row = await trx
      .insertInto('workflow_runs')
      .values({
        workspace_id: input.workspaceId,
        workflow_id: workflow.id,
        version,
        status: 'queued',
        trigger_type: input.trigger,
        trigger_key: input.triggerKey ?? null,
        payload,
        current_step_id: definition.steps[0]?.id ?? null,
        created_by: input.createdBy ?? null,
        replay_of: input.replayOf ?? null,
        draft_definition: input.draftDefinition ? JSON.stringify(input.draftDefinition) : null,
      })
      .onConflict((oc) => oc.columns(['workflow_id', 'trigger_key']).doNothing())
      .returning(['id', 'status'])
      .executeTakeFirst();
    if (!row) return null;
    if (limit.creditsToSpend > 0)
      await spendCredits(trx, input.workspaceId, limit.creditsToSpend, 'run_overage', `run:${row.id}`);
    await recordUsage(trx, input.workspaceId, 'workflow_runs');
    return row;
  });
  if (!inserted) return existingRun(db, workflow.id, input);
  if (input.dispatch !== false) await dispatchRuns([{ id: inserted.id, workspaceId: input.workspaceId }]);
  return {
    id: inserted.id,
    workflowId: workflow.id,
    workspaceId: input.workspaceId,
    status: inserted.status,
    created: true,
  };
}

/** The run an earlier delivery of the same trigger key created. */
async function existingRun(db: Db, workflowId: string, input: CreateRunInput): Promise<CreatedRun> {
  const existing = await db
    .selectFrom('workflow_runs')
    .select(['id', 'status'])
    .where('workflow_id', '=', workflowId)
    .where('trigger_key', '=', input.triggerKey ?? '')
    .executeTakeFirstOrThrow();
  return { id: existing.id, workflowId, workspaceId: input.workspaceId, status: existing.status, created: false };
}

/**
 * A run of pure steps finishes while it is created when nothing could make it wait: the workspace is active, runs
 * are on, no credits change hands and no workflow listens for its success. It never holds a concurrency slot: it
 * calls nothing outside and is never seen running.
 */
async function inlineAllowed(
  db: Db,
  workflow: WorkflowHead,
  definition: WorkflowDefinition,
  now: Date,
): Promise<boolean> {
  return (
    workflow.workspace_status === 'active' &&
    !workflow.has_success_listeners &&
    isInlineRunnable(definition, workflow.approval_policy) &&
    (await runsEnabled(db, now))
  );
}
