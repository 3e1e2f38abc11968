import 'server-only';
// Starts a run of a workflow's current version (manual, schedule, webhook, event or replay) and hands it to the driver.
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { Db } from '@/db/client';
import { prepared } from '@/db/prepared';
import { assertWithinLimit, recordUsage, spendCredits } from '@/lib/billing';
import { monthStart } from '@/lib/billing/period';
import { usageShard } from '@/lib/billing/record-usage';
import { AppError } from '@/lib/errors';
import { inTransaction } from '@/lib/workspaces/in-transaction';
import { limits, type WorkflowDefinition } from '../definition';
import { runsEnabled } from '../engine/admit-run';
import { dispatchRuns } from '../engine/dispatch';
import { loadDefinition } from '../engine/load-run';
import { type InlineRun, isInlineRunnable, runInline } from '../engine/run-inline';
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
  /** Do not hand the run to the driver (the caller dispatches a batch). */
  dispatch?: boolean;
};

export type CreatedRun = { id: string; workflowId: string; workspaceId: string; status: string; created: boolean };

/** `workflow` skips the lookup when the caller has just read the row (the webhook trigger). */
export async function createRun(db: Db, input: CreateRunInput, known?: WorkflowHead): Promise<CreatedRun> {
  const workflow = known ?? (await db.executeQuery(prepared('run_head', selectWorkflowHead(db).where('workflows.id', '=', input.workflowId).where('workflows.workspace_id', '=', input.workspaceId)))).rows[0];
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
  if (limit.creditsToSpend === 0 && (await inlineAllowed(db, workflow, definition))) {
    const id = randomUUID();
    const inline = await runInline(db, definition, { runId: id, workspaceId: input.workspaceId, workflowId: workflow.id, triggerType: input.trigger, payload: JSON.parse(payload) });
    if (inline) {
      const stored = await insertFinishedRun(db, { id, input, version, payload, inline });
      if (!stored) return existingRun(db, workflow.id, input);
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
      })
      .onConflict((oc) => oc.columns(['workflow_id', 'trigger_key']).doNothing())
      .returning(['id', 'status'])
      .executeTakeFirst();
    if (!row) return null;
    if (limit.creditsToSpend > 0) await spendCredits(trx, input.workspaceId, limit.creditsToSpend, 'run_overage', `run:${row.id}`);
    await recordUsage(trx, input.workspaceId, 'workflow_runs');
    return row;
  });
  if (!inserted) return existingRun(db, workflow.id, input);
  if (input.dispatch !== false) await dispatchRuns([{ id: inserted.id, workspaceId: input.workspaceId }]);
  return { id: inserted.id, workflowId: workflow.id, workspaceId: input.workspaceId, status: inserted.status, created: true };
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
async function inlineAllowed(db: Db, workflow: WorkflowHead, definition: WorkflowDefinition): Promise<boolean> {
  return workflow.workspace_status === 'active' && !workflow.has_success_listeners && isInlineRunnable(definition, workflow.approval_policy) && (await runsEnabled(db, new Date()));
}

type FinishedRun = { id: string; input: CreateRunInput; version: number; payload: string; inline: InlineRun };

/** One statement (so one commit) stores the finished run, its step rows and its usage count; false for a duplicate trigger key. */
async function insertFinishedRun(db: Db, { id, input, version, payload, inline }: FinishedRun): Promise<boolean> {
  // NOTE: inputs and outputs are JSON texts already; they are spliced in, not parsed and serialised again. `n` keeps
  // the timeline's order (step rows are listed by id).
  const steps = `[${inline.steps
    .map((step, n) => `{"n":${n},"step_id":${JSON.stringify(step.step_id)},"step_type":${JSON.stringify(step.step_type)},"input":${step.input},"output":${step.output},"started_at":"${step.started_at}","finished_at":"${step.finished_at}","duration_ms":${step.duration_ms}}`)
    .join(',')}]`;
  const query = sql<{ id: string }>`
    with run as (
      insert into workflow_runs (id, workspace_id, workflow_id, version, status, trigger_type, trigger_key, payload, current_step_id,
        created_by, replay_of, created_at, started_at, finished_at, updated_at, wake_at)
      values (${id}, ${input.workspaceId}, ${input.workflowId}, ${version}, 'succeeded', ${input.trigger}, ${input.triggerKey ?? null}, ${payload}::jsonb,
        ${inline.lastStepId}, ${input.createdBy ?? null}, ${input.replayOf ?? null}, ${inline.startedAt}, ${inline.startedAt}, ${inline.finishedAt}, ${inline.finishedAt}, ${inline.finishedAt})
      on conflict (workflow_id, trigger_key) do nothing
      returning id
    ), steps as (
      insert into workflow_step_runs (run_id, workspace_id, step_id, step_type, attempt, status, input, output, started_at, finished_at, duration_ms)
      select run.id, ${input.workspaceId}, s.step_id, s.step_type, 1, 'succeeded', s.input, s.output, s.started_at, s.finished_at, s.duration_ms
      from run cross join jsonb_to_recordset(${steps}::jsonb)
        as s(n int, step_id text, step_type text, input jsonb, output jsonb, started_at timestamptz, finished_at timestamptz, duration_ms double precision)
      order by s.n
    ), usage as (
      insert into usage_counters (workspace_id, metric, period_start, shard, count)
      select ${input.workspaceId}, 'workflow_runs', ${monthStart(inline.startedAt)}::date, ${usageShard()}, 1 from run
      on conflict (workspace_id, metric, period_start, shard) do update set count = usage_counters.count + excluded.count
    )
    select id from run`;
  const { rows } = await db.executeQuery(prepared('insert_finished_run', query.compile(db)));
  return rows.length > 0;
}
