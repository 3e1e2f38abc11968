import 'server-only';
// One run with its step timeline (every attempt, with input, output, error and duration), its approvals, its waits
// and who ended it.
import type { Db } from '@/db/client';
import { requireScope, type Scope } from '@/lib/auth/scope';
import { AppError } from '@/lib/errors';
import { loadRunDefinition } from '../engine/load-run';
import { computeWaits, type RunWait } from './compute-waits';
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
    /** The decider's name (or email); null when the email link, a timeout or a cancel decided. */
    decidedBy: string | null;
    decidedVia: string | null;
    comment: string | null;
    createdAt: Date;
  }[];
  /** A test run of unsaved editor changes (it followed the posted draft, not a saved version). */
  draft: boolean;
  /** Who cancelled the run (name or email); null when the system did or it was not cancelled. */
  cancelledBy: string | null;
  waits: RunWait[];
  /** Of the run's duration so far, how much it spent waiting for approvals and delays. */
  waitedMs: number;
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

export async function getRun(db: Db, scope: Scope, runId: string, now: Date = new Date()): Promise<RunDetailDto> {
  requireScope(scope, 'read');
  const row = await getRunRow(db, scope, runId);
  const [stepRuns, approvals, definition, canceller] = await Promise.all([
    db.selectFrom('workflow_step_runs').selectAll().where('run_id', '=', runId).orderBy('id').execute(),
    db
      .selectFrom('workflow_approvals as a')
      .leftJoin('users as u', 'u.id', 'a.decided_by')
      .select(['a.id', 'a.step_id', 'a.status', 'a.expires_at', 'a.decided_at', 'a.decided_via', 'a.comment'])
      .select(['a.created_at', 'u.name as decider_name', 'u.email as decider_email'])
      .where('a.run_id', '=', runId)
      .execute(),
    loadRunDefinition(db, row),
    row.cancelled_by
      ? db.selectFrom('users').select(['name', 'email']).where('id', '=', row.cancelled_by).executeTakeFirst()
      : undefined,
  ]);
  const approvalDtos = approvals.map((a) => ({
    id: a.id,
    stepId: a.step_id,
    status: a.status,
    expiresAt: a.expires_at,
    decidedAt: a.decided_at,
    decidedBy: a.decider_name || a.decider_email || null,
    decidedVia: a.decided_via,
    comment: a.comment,
    createdAt: a.created_at,
  }));
  const stepRunDtos = stepRuns.map(toStepRunDto);
  const dto = toRunDto(row);
  return {
    ...dto,
    payload: row.payload,
    draft: row.draft_definition !== null,
    steps: definition.steps.map((step) => ({ id: step.id, name: step.name ?? null, type: step.type })),
    stepRuns: stepRunDtos,
    approvals: approvalDtos,
    cancelledBy: canceller ? canceller.name || canceller.email : null,
    ...computeWaits({ run: dto, approvals: approvalDtos, stepRuns: stepRunDtos, now }),
  };
}
