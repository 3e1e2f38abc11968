import 'server-only';
// Starts a run of a workflow's current version (manual, schedule, webhook, event or replay) and hands it to the driver.
import type { Db } from '@/db/client';
import { assertWithinLimit, recordUsage, spendCredits } from '@/lib/billing';
import { AppError } from '@/lib/errors';
import { inTransaction } from '@/lib/workspaces/in-transaction';
import { limits } from '../definition';
import { dispatchRuns } from '../engine/dispatch';
import { loadDefinition } from '../engine/load-run';

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
  /** Do not hand the run to the driver (the caller dispatches a batch). */
  dispatch?: boolean;
};

export type CreatedRun = { id: string; workflowId: string; workspaceId: string; status: string; created: boolean };

type WorkflowHead = { id: string; enabled: boolean; current_version: number };

/** `workflow` skips the lookup when the caller has just read the row (the webhook trigger). */
export async function createRun(db: Db, input: CreateRunInput, known?: WorkflowHead): Promise<CreatedRun> {
  const workflow =
    known ??
    (await db
      .selectFrom('workflows')
      .select(['id', 'enabled', 'current_version'])
      .where('id', '=', input.workflowId)
      .where('workspace_id', '=', input.workspaceId)
      .executeTakeFirst());
  if (!workflow) throw new AppError('not_found', 'Workflow not found');
  if (!workflow.enabled && input.trigger !== 'manual' && input.trigger !== 'replay') throw new AppError('conflict', 'This workflow is disabled; enable it to run it');
  const payload = JSON.stringify(input.payload ?? {});
  if (Buffer.byteLength(payload) > limits.payloadBytes) {
    throw new AppError('payload_too_large', `The run payload is larger than ${limits.payloadBytes / 1024} KiB`);
  }
  // NOTE: the plan's monthly runs; beyond them a run costs credits, and with none left it is refused (429, naming the limit).
  const limit = await assertWithinLimit(db, input.workspaceId, 'runs_per_month');
  const version = input.version ?? workflow.current_version;
  const definition = await loadDefinition(db, workflow.id, version);
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
      })
      .onConflict((oc) => oc.columns(['workflow_id', 'trigger_key']).doNothing())
      .returning(['id', 'status'])
      .executeTakeFirst();
    if (!row) return null;
    if (limit.creditsToSpend > 0) await spendCredits(trx, input.workspaceId, limit.creditsToSpend, 'run_overage', `run:${row.id}`);
    await recordUsage(trx, input.workspaceId, 'workflow_runs');
    return row;
  });
  if (!inserted) {
    const existing = await db
      .selectFrom('workflow_runs')
      .select(['id', 'status'])
      .where('workflow_id', '=', workflow.id)
      .where('trigger_key', '=', input.triggerKey ?? '')
      .executeTakeFirstOrThrow();
    return { id: existing.id, workflowId: workflow.id, workspaceId: input.workspaceId, status: existing.status, created: false };
  }
  if (input.dispatch !== false) await dispatchRuns([{ id: inserted.id, workspaceId: input.workspaceId }]);
  return { id: inserted.id, workflowId: workflow.id, workspaceId: input.workspaceId, status: inserted.status, created: true };
}
