import 'server-only';
// One run with its step timeline (every attempt, with input, output, error and duration) and its approvals.
import type { Db } from '@/db/client';
import { requireScope, type Scope } from '@/lib/auth/scope';
import { AppError } from '@/lib/errors';
import { loadDefinition } from '../engine/load-run';
import { type RunDto, type StepRunDto, toRunDto, toStepRunDto } from './run-dto';

export type RunDetailDto = RunDto & {
  payload: unknown;
  steps: { id: string; name: string | null; type: string }[];
  stepRuns: StepRunDto[];
  approvals: {
    id: string;
    stepId: string;
    status: string;
    expiresAt: Date;
    decidedAt: Date | null;
    comment: string | null;
  }[];
};

export async function getRunRow(db: Db, scope: Scope, runId: string) {
  const row = await db
    .selectFrom('workflow_runs')
    .innerJoin('workflows', 'workflows.id', 'workflow_runs.workflow_id')
    .selectAll('workflow_runs')
    .select('workflows.name as workflow_name')
    .where('workflow_runs.id', '=', runId)
    .where('workflow_runs.workspace_id', '=', scope.workspaceId)
    .executeTakeFirst();
  if (!row) throw new AppError('not_found', 'Run not found');
  return row;
}

export async function getRun(db: Db, scope: Scope, runId: string): Promise<RunDetailDto> {
  requireScope(scope, 'read');
  const row = await getRunRow(db, scope, runId);
  const [stepRuns, approvals, definition] = await Promise.all([
    db.selectFrom('workflow_step_runs').selectAll().where('run_id', '=', runId).orderBy('id').execute(),
    db
      .selectFrom('workflow_approvals')
      .select(['id', 'step_id', 'status', 'expires_at', 'decided_at', 'comment'])
      .where('run_id', '=', runId)
      .execute(),
    loadDefinition(db, row.workflow_id, row.version),
  ]);
  return {
    ...toRunDto(row),
    payload: row.payload,
    steps: definition.steps.map((step) => ({ id: step.id, name: step.name ?? null, type: step.type })),
    stepRuns: stepRuns.map(toStepRunDto),
    approvals: approvals.map((a) => ({
      id: a.id,
      stepId: a.step_id,
      status: a.status,
      expiresAt: a.expires_at,
      decidedAt: a.decided_at,
      comment: a.comment,
    })),
  };
}
