import 'server-only';
// Reads a run with its workflow version's definition; versions never change, so parsed definitions are cached.
import type { Db } from '@/db/client';
import { prepared } from '@/db/prepared';
import { type WorkflowDefinition, workflowDefinitionSchema } from '../definition';

const definitionCache = new Map<string, WorkflowDefinition>();
const CACHE_SIZE = 500;

export async function loadDefinition(db: Db, workflowId: string, version: number): Promise<WorkflowDefinition> {
  const key = `${workflowId}:${version}`;
  const cached = definitionCache.get(key);
  if (cached) return cached;
  const row = await db
    .selectFrom('workflow_versions')
    .select('definition')
    .where('workflow_id', '=', workflowId)
    .where('version', '=', version)
    .executeTakeFirstOrThrow();
  const definition = workflowDefinitionSchema.parse(
    typeof row.definition === 'string' ? JSON.parse(row.definition) : row.definition,
  );
  if (definitionCache.size >= CACHE_SIZE) definitionCache.delete(definitionCache.keys().next().value as string);
  definitionCache.set(key, definition);
  return definition;
}

/** The definition a run follows: a draft test run's own copy, else its workflow version's. */
export async function loadRunDefinition(
  db: Db,
  run: { workflow_id: string; version: number; draft_definition: unknown },
): Promise<WorkflowDefinition> {
  if (run.draft_definition === null || run.draft_definition === undefined)
    return loadDefinition(db, run.workflow_id, run.version);
  const raw = run.draft_definition;
  return workflowDefinitionSchema.parse(typeof raw === 'string' ? JSON.parse(raw) : raw);
}

export async function loadRun(db: Db, runId: string) {
  // NOTE: prepared: read before every step, and planning the lateral join cost more than running it.
  const { rows } = await db.executeQuery(prepared('load_run', selectRun(db).where('workflow_runs.id', '=', runId)));
  return rows[0];
}

function selectRun(db: Db) {
  return (
    db
      .selectFrom('workflow_runs')
      .innerJoin('workspaces', 'workspaces.id', 'workflow_runs.workspace_id')
      // NOTE: the current step's latest attempt comes in the same round trip.
      .leftJoinLateral(
        (eb) =>
          eb
            .selectFrom('workflow_step_runs')
            .select(['attempt as last_attempt', 'status as last_status', 'output as last_output'])
            .whereRef('workflow_step_runs.run_id', '=', 'workflow_runs.id')
            .whereRef('workflow_step_runs.step_id', '=', 'workflow_runs.current_step_id')
            .orderBy('attempt', 'desc')
            .limit(1)
            .as('last'),
        (join) => join.onTrue(),
      )
      .select([
        'workflow_runs.id',
        'workflow_runs.workspace_id',
        'workflow_runs.workflow_id',
        'workflow_runs.version',
        'workflow_runs.draft_definition',
        'workflow_runs.status',
        'workflow_runs.waiting',
        'workflow_runs.trigger_type',
        'workflow_runs.payload',
        'workflow_runs.current_step_id',
        'workflow_runs.attempt',
        'workflow_runs.wake_at',
        'workflow_runs.started_at',
        'workspaces.approval_policy',
        'workspaces.concurrency_limit as workspace_concurrency_limit',
        'workspaces.status as workspace_status',
        'last.last_attempt',
        'last.last_status',
        'last.last_output',
      ])
  );
}

export type LoadedRun = NonNullable<Awaited<ReturnType<typeof loadRun>>>;

/** Outputs of the given succeeded steps of a run, for templates (no query when a config reads none). */
export async function loadStepOutputs(
  db: Db,
  runId: string,
  stepIds: string[],
): Promise<Record<string, { output: unknown }>> {
  if (stepIds.length === 0) return {};
  const rows = await db
    .selectFrom('workflow_step_runs')
    .select(['step_id', 'output'])
    .where('run_id', '=', runId)
    .where('step_id', 'in', stepIds)
    .where('status', '=', 'succeeded')
    .execute();
  return Object.fromEntries(rows.map((row) => [row.step_id, { output: row.output }]));
}
