import 'server-only';
// The public shape of runs and step runs.
import type { Selectable } from 'kysely';
import type { WorkflowRunTable, WorkflowStepRunTable } from '@/db/types-workflows';

export type RunDto = {
  id: string;
  workflowId: string;
  workflowName?: string;
  version: number;
  status: string;
  waiting: string | null;
  trigger: string;
  currentStepId: string | null;
  attempt: number;
  error: unknown;
  deadLettered: boolean;
  replayOf: string | null;
  createdAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
  durationMs: number | null;
  wakeAt: Date | null;
};

export type StepRunDto = {
  stepId: string;
  type: string;
  attempt: number;
  status: string;
  input: unknown;
  output: unknown;
  error: unknown;
  startedAt: Date;
  finishedAt: Date | null;
  durationMs: number | null;
};

export function toRunDto(row: Selectable<WorkflowRunTable> & { workflow_name?: string }): RunDto {
  return {
    id: row.id,
    workflowId: row.workflow_id,
    ...(row.workflow_name !== undefined ? { workflowName: row.workflow_name } : {}),
    version: row.version,
    status: row.status,
    waiting: row.waiting,
    trigger: row.trigger_type,
    currentStepId: row.current_step_id,
    attempt: row.attempt,
    error: row.error,
    deadLettered: row.dead_lettered_at !== null,
    replayOf: row.replay_of,
    createdAt: row.created_at,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
    durationMs: row.started_at && row.finished_at ? row.finished_at.getTime() - row.started_at.getTime() : null,
    wakeAt: row.status === 'queued' || row.status === 'running' ? row.wake_at : null,
  };
}

export function toStepRunDto(row: Selectable<WorkflowStepRunTable>): StepRunDto {
  return {
    stepId: row.step_id,
    type: row.step_type,
    attempt: row.attempt,
    status: row.status,
    input: row.input,
    output: row.output,
    error: row.error,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
    durationMs: row.duration_ms,
  };
}
