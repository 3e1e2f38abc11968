import 'server-only';
// The engine: advances one run by one step, records the result in Postgres and says what should happen next.
// Drivers (Inngest, embedded) only decide when to call it.
import type { QueryCreator } from 'kysely';
import type { Db } from '@/db/client';
import { prepared } from '@/db/prepared';
import type { Database } from '@/db/types';
import { logger } from '@/lib/logger';
import type { WorkflowDefinition, WorkflowStep } from '../definition';
import { requestApproval } from '../approvals/request-approval';
import type { AnyStepDefinition, StepOutcome, StepServices } from '../steps/types';
import { resolveTemplates } from '../template';
import { admitRun } from './admit-run';
import { finishRun } from './finish-run';
import {
  type ErrorRecord,
  invokeStep,
  nextStepId,
  outcomeOutput,
  referencedSteps,
  resolveStepConfig,
  toErrorRecord,
  toJson,
} from './invoke-step';
import { type LoadedRun, loadRun, loadRunDefinition, loadStepOutputs } from './load-run';
import { retryDelayMs } from './retry-delay';

/** What the driver should do next. Dates are ISO strings so the value survives Inngest's JSON memoisation. */
export type Advance =
  | { kind: 'continue' }
  | { kind: 'sleep'; until: string; reason: 'sleep' | 'retry' | 'concurrency' }
  | { kind: 'wait_approval'; approvalId: string; expiresAt: string }
  | { kind: 'finished'; status: 'succeeded' | 'failed' | 'rejected' | 'cancelled' };

export type EngineDeps = {
  steps: Readonly<Record<string, AnyStepDefinition>>;
  fetch: StepServices['fetch'];
  /** A workspace's decrypted connector credential (throws a non-retryable StepError when missing). */
  credential: (db: Db, workspaceId: string, name: string, connector: string) => Promise<Record<string, string>>;
  now?: () => Date;
  random?: () => number;
  /** Longest a single step may run before it is abandoned as a retryable timeout. */
  stepTimeoutMs?: number;
  /** Test hook: runs after a step's side effect, before its result is recorded (crash injection). */
  afterExecute?: (run: { runId: string; stepId: string; attempt: number }) => Promise<void> | void;
};

export async function advanceRun(db: Db, runId: string, deps: EngineDeps): Promise<Advance> {
  const now = deps.now?.() ?? new Date();
  const run = await loadRun(db, runId);
  if (!run) return { kind: 'finished', status: 'cancelled' };
  if (run.status !== 'queued' && run.status !== 'running') return { kind: 'finished', status: run.status };
  if (run.wake_at.getTime() > now.getTime() && run.waiting) return waitingAdvance(db, run);

  const definition = await loadRunDefinition(db, run);
  if (run.status === 'queued') {
    const admission = await admitRun(db, run, definition, now);
    if (admission.kind !== 'continue') return admission;
  }
  const step = definition.steps.find((candidate) => candidate.id === run.current_step_id);
  if (!step) return finishRun(db, run, { status: 'succeeded', now });
  const stepType = deps.steps[step.type];
  if (!stepType)
    return failRun(
      db,
      run,
      step,
      0,
      { code: 'unknown_step_type', message: `Step type ${step.type} is not available`, retryable: false },
      now,
    );

  const last = run.last_status
    ? { attempt: run.last_attempt!, status: run.last_status, output: run.last_output }
    : null;
  // NOTE: a recorded success is never executed again; the run moves on from its stored output.
  if (last?.status === 'succeeded') return moveOn(db, run, definition, step, last.output, now);
  if (last?.status === 'waiting') return completeWaitingStep(db, run, definition, step, last.attempt, last.output, now);
  if (last?.status === 'running') {
    // A driver crashed mid-step: that attempt counts, and the step is tried again under the retry policy.
    await writeStep(db, run, step, last.attempt, {
      status: 'failed',
      finished_at: now,
      error: JSON.stringify({
        code: 'interrupted',
        message: 'The step was interrupted before it finished',
        retryable: true,
      }),
    });
  }
  // NOTE: `row` numbers every attempt of the step for good; `round` counts attempts against the retry budget
  // since the step began or was replayed (the run's attempt column).
  const attempt: Attempt = { row: (last?.attempt ?? 0) + 1, round: run.attempt + 1 };
  if (attempt.round > definition.settings.retry.maxAttempts) {
    return failRun(
      db,
      run,
      step,
      run.attempt,
      { code: 'attempts_exhausted', message: `Step ${step.id} failed ${run.attempt} times`, retryable: false },
      now,
    );
  }

  const gate = await approvalGate(db, run, definition, step, stepType, now);
  if (gate) return gate;
  return executeStep(db, run, definition, step, stepType, attempt, deps, now);
}

type Attempt = { row: number; round: number };

async function executeStep(
  db: Db,
  run: LoadedRun,
  definition: WorkflowDefinition,
  step: WorkflowStep,
  stepType: AnyStepDefinition,
  attempt: Attempt,
  deps: EngineDeps,
  now: Date,
): Promise<Advance> {
  const outputs = await loadStepOutputs(db, run.id, referencedSteps(step.config));
  const data = {
    trigger: { type: run.trigger_type, payload: run.payload },
    steps: outputs,
    run: { id: run.id, workflowId: run.workflow_id },
  };
  const { rawConfig, input } = resolveStepConfig(stepType, step, data);
  if (!stepType.pure) {
    // NOTE: the attempt is recorded before a step with outside effects runs, so a crash mid-step is seen and counted.
    const claimed = await db
      .with('claim', (qb) =>
        qb
          .insertInto('workflow_step_runs')
          .values({
            run_id: run.id,
            workspace_id: run.workspace_id,
            step_id: step.id,
            step_type: step.type,
            attempt: attempt.row,
            status: 'running',
            input,
            started_at: now,
          })
          .onConflict((oc) => oc.columns(['run_id', 'step_id', 'attempt']).doNothing())
          .returning('id'),
      )
      .updateTable('workflow_runs')
      .set({ attempt: attempt.round, waiting: null, updated_at: now })
      .where('id', '=', run.id)
      .where((eb) => eb.exists(eb.selectFrom('claim').select('id')))
      .returning('id')
      .executeTakeFirst();
    // NOTE: another driver holds this attempt; let it finish.
    if (!claimed) return { kind: 'sleep', until: new Date(now.getTime() + 1_000).toISOString(), reason: 'concurrency' };
  }

  const startedAt = performance.now();
  const stepNow = deps.now ?? (() => new Date());
  let outcome: StepOutcome;
  try {
    outcome = await invokeStep(
      stepType,
      rawConfig,
      {
        workspaceId: run.workspace_id,
        workflowId: run.workflow_id,
        runId: run.id,
        stepId: step.id,
        attempt: attempt.round,
        idempotencyKey: `${run.id}:${step.id}`,
        data,
        services: {
          db,
          now: stepNow,
          fetch: deps.fetch,
          credential: (name, connector) => deps.credential(db, run.workspace_id, name, connector),
        },
      },
      deps.stepTimeoutMs,
    );
    await deps.afterExecute?.({ runId: run.id, stepId: step.id, attempt: attempt.round });
  } catch (error) {
    return recordFailure(
      db,
      run,
      definition,
      step,
      attempt,
      toErrorRecord(error),
      { input, startedAt: now, durationMs: performance.now() - startedAt },
      deps,
      stepNow(),
    );
  }
  const durationMs = performance.now() - startedAt;
  const finishedAt = stepNow();
  if (outcome.kind === 'sleep') {
    await db
      .with('step', (qb) =>
        upsertStep(qb, run, step, attempt.row, {
          status: 'waiting',
          input,
          started_at: now,
          output: toJson(outcome.output),
          duration_ms: durationMs,
        }),
      )
      .updateTable('workflow_runs')
      .set({ attempt: attempt.round, waiting: 'sleep', wake_at: outcome.until, updated_at: finishedAt })
      .where('id', '=', run.id)
      .execute();
    return { kind: 'sleep', until: outcome.until.toISOString(), reason: 'sleep' };
  }
  const output = outcomeOutput(outcome);
  return recordSuccess(
    db,
    run,
    definition,
    step,
    attempt.row,
    {
      status: 'succeeded',
      input,
      started_at: now,
      output: toJson(output),
      duration_ms: durationMs,
      finished_at: finishedAt,
    },
    output,
    finishedAt,
  );
}

async function recordSuccess(
  db: Db,
  run: LoadedRun,
  definition: WorkflowDefinition,
  step: WorkflowStep,
  attempt: number,
  record: StepWrite,
  output: unknown,
  now: Date,
): Promise<Advance> {
  const next = nextStepId(definition, step, output);
  if (next === null) {
    return db.transaction().execute(async (trx) => {
      await writeStep(trx, run, step, attempt, record);
      return finishRun(trx, run, { status: 'succeeded', now, lastOutput: output });
    });
  }
  // NOTE: one statement records the result and moves the run on, so neither can happen without the other.
  // Prepared: it is written after every step (its text varies only with which step fields are written).
  await db.executeQuery(
    prepared(
      'record_step',
      db
        .with('step', (qb) => upsertStep(qb, run, step, attempt, record))
        .updateTable('workflow_runs')
        .set({ current_step_id: next, attempt: 0, waiting: null, wake_at: now, updated_at: now })
        .where('id', '=', run.id),
    ),
  );
  return { kind: 'continue' };
}

type Timing = { input: string; startedAt: Date; durationMs: number };

async function recordFailure(
  db: Db,
  run: LoadedRun,
  definition: WorkflowDefinition,
  step: WorkflowStep,
  attempt: Attempt,
  error: ErrorRecord,
  timing: Timing,
  deps: EngineDeps,
  now: Date,
): Promise<Advance> {
  const { retry } = definition.settings;
  const record: StepWrite = {
    status: 'failed',
    input: timing.input,
    started_at: timing.startedAt,
    error: JSON.stringify(error),
    duration_ms: timing.durationMs,
    finished_at: now,
  };
  if (!error.retryable || attempt.round >= retry.maxAttempts) {
    await writeStep(db, run, step, attempt.row, record);
    return failRun(db, run, step, attempt.round, error, now);
  }
  // NOTE: an upstream's Retry-After (429, Telegram's retry_after) wins over the backoff when it asks for longer.
  const retryAfterMs = Number(error.details?.retryAfterMs ?? 0);
  const delayMs = Math.min(
    retry.maxDelayMs,
    Math.max(retryDelayMs(attempt.round, retry, deps.random), Number.isFinite(retryAfterMs) ? retryAfterMs : 0),
  );
  const wakeAt = new Date(now.getTime() + delayMs);
  await db
    .with('step', (qb) => upsertStep(qb, run, step, attempt.row, record))
    .updateTable('workflow_runs')
    .set({ attempt: attempt.round, waiting: 'retry', wake_at: wakeAt, updated_at: now })
    .where('id', '=', run.id)
    .execute();
  logger.warn(
    { run_id: run.id, step_id: step.id, attempt: attempt.round, code: error.code, retry_at: wakeAt.toISOString() },
    'step failed; retrying',
  );
  return { kind: 'sleep', until: wakeAt.toISOString(), reason: 'retry' };
}

async function failRun(
  db: Db,
  run: LoadedRun,
  step: WorkflowStep,
  attempts: number,
  error: ErrorRecord,
  now: Date,
): Promise<Advance> {
  return finishRun(db, run, { status: 'failed', now, error: { ...error, stepId: step.id, attempts } });
}

async function moveOn(
  db: Db,
  run: LoadedRun,
  definition: WorkflowDefinition,
  step: WorkflowStep,
  output: unknown,
  now: Date,
): Promise<Advance> {
  const next = nextStepId(definition, step, output);
  if (next === null) return finishRun(db, run, { status: 'succeeded', now, lastOutput: output });
  await db
    .updateTable('workflow_runs')
    .set({ current_step_id: next, attempt: 0, waiting: null, wake_at: now, updated_at: now })
    .where('id', '=', run.id)
    .execute();
  return { kind: 'continue' };
}

/** A `delay` step whose time has come completes with the output it stored when it started waiting. */
async function completeWaitingStep(
  db: Db,
  run: LoadedRun,
  definition: WorkflowDefinition,
  step: WorkflowStep,
  attempt: number,
  output: unknown,
  now: Date,
): Promise<Advance> {
  if (run.wake_at.getTime() > now.getTime())
    return { kind: 'sleep', until: run.wake_at.toISOString(), reason: 'sleep' };
  return recordSuccess(
    db,
    run,
    definition,
    step,
    attempt,
    { status: 'succeeded', output: toJson(output), duration_ms: 0, finished_at: now },
    output,
    now,
  );
}

async function approvalGate(
  db: Db,
  run: LoadedRun,
  definition: WorkflowDefinition,
  step: WorkflowStep,
  stepType: AnyStepDefinition,
  now: Date,
): Promise<Advance | null> {
  const actionClass = step.actionClass ?? stepType.defaultActionClass;
  if (actionClass === 'A') return null;
  if (actionClass === 'B' && run.approval_policy !== 'class_b_and_c') return null;
  const existing = await db
    .selectFrom('workflow_approvals')
    .select(['id', 'status', 'expires_at', 'comment'])
    .where('run_id', '=', run.id)
    .where('step_id', '=', step.id)
    .executeTakeFirst();
  if (existing?.status === 'approved') return null;
  if (existing?.status === 'rejected' || existing?.status === 'expired') {
    const message =
      existing.status === 'expired'
        ? `Nobody approved step ${step.id} in time`
        : `Step ${step.id} was rejected${existing.comment ? `: ${existing.comment}` : ''}`;
    // NOTE: a "no" (or nobody in time) is an outcome of its own, not a failure: no failure queue, no failure rate.
    return finishRun(db, run, {
      status: 'rejected',
      now,
      error: {
        code: existing.status === 'expired' ? 'approval_expired' : 'approval_rejected',
        message,
        retryable: false,
        stepId: step.id,
      },
    });
  }
  if (existing && existing.expires_at.getTime() <= now.getTime()) {
    // NOTE: a timeout counts as a rejection, recorded on the approval.
    await db
      .updateTable('workflow_approvals')
      .set({ status: 'expired', decided_at: now, decided_via: 'timeout' })
      .where('id', '=', existing.id)
      .where('status', '=', 'pending')
      .execute();
    return approvalGate(db, run, definition, step, stepType, now);
  }
  const expiresAt =
    existing?.expires_at ?? new Date(now.getTime() + definition.settings.approvalTimeoutHours * 3_600_000);
  const approval =
    existing ??
    (await requestApproval(db, {
      workspaceId: run.workspace_id,
      workflowId: run.workflow_id,
      runId: run.id,
      stepId: step.id,
      actionClass,
      message: approvalMessage(step, run),
      expiresAt,
      workflowName: definition.name,
    }));
  await db
    .updateTable('workflow_runs')
    .set({ waiting: 'approval', wake_at: approval.expires_at, updated_at: now })
    .where('id', '=', run.id)
    .execute();
  return { kind: 'wait_approval', approvalId: approval.id, expiresAt: approval.expires_at.toISOString() };
}

function approvalMessage(step: WorkflowStep, run: LoadedRun): string {
  const configured = step.type === 'approval' ? step.config.message : undefined;
  const text =
    typeof configured === 'string'
      ? String(resolveTemplates(configured, { trigger: { type: run.trigger_type, payload: run.payload } }))
      : '';
  return text || `Step "${step.name ?? step.id}" (${step.type}) needs your approval before it runs.`;
}

/** What a run that is waiting should tell its driver. */
async function waitingAdvance(db: Db, run: LoadedRun): Promise<Advance> {
  if (run.waiting === 'approval') {
    const approval = await db
      .selectFrom('workflow_approvals')
      .select(['id', 'expires_at'])
      .where('run_id', '=', run.id)
      .where('status', '=', 'pending')
      .executeTakeFirst();
    if (approval)
      return { kind: 'wait_approval', approvalId: approval.id, expiresAt: approval.expires_at.toISOString() };
  }
  return {
    kind: 'sleep',
    until: run.wake_at.toISOString(),
    reason: run.waiting === 'retry' ? 'retry' : run.waiting === 'concurrency' ? 'concurrency' : 'sleep',
  };
}

type StepWrite = {
  status: 'succeeded' | 'failed' | 'waiting';
  input?: string;
  started_at?: Date;
  output?: string | null;
  error?: string | null;
  duration_ms?: number;
  finished_at?: Date;
};

/** Inserts the attempt's row, or completes the one written when it started (steps with outside effects). */
function upsertStep(qb: QueryCreator<Database>, run: LoadedRun, step: WorkflowStep, attempt: number, write: StepWrite) {
  const values = {
    ...write,
    ...(write.duration_ms !== undefined ? { duration_ms: Math.round(write.duration_ms * 1000) / 1000 } : {}),
  };
  const { input: _input, started_at: _startedAt, ...update } = values;
  return qb
    .insertInto('workflow_step_runs')
    .values({
      run_id: run.id,
      workspace_id: run.workspace_id,
      step_id: step.id,
      step_type: step.type,
      attempt,
      ...values,
    })
    .onConflict((oc) => oc.columns(['run_id', 'step_id', 'attempt']).doUpdateSet(update))
    .returning('id');
}

async function writeStep(db: Db, run: LoadedRun, step: WorkflowStep, attempt: number, write: StepWrite): Promise<void> {
  await upsertStep(db, run, step, attempt, write).execute();
}
