import 'server-only';
// Stores runs the inline runner finished: the run, its step rows and its usage count in one statement. Concurrent
// deliveries share statements: while a few writes are in flight, new runs queue and go together in the next one,
// so a burst of webhooks costs a few commits instead of one each. Each caller still waits for its own run's commit.
import { sql } from 'kysely';
import type { Db } from '@/db/client';
import { prepared } from '@/db/prepared';
import { monthStart } from '@/lib/billing/period';
import { usageShard } from '@/lib/billing/record-usage';
import type { InlineRun } from '../engine/run-inline';

export type FinishedRun = {
  id: string;
  workspaceId: string;
  workflowId: string;
  version: number;
  trigger: string;
  triggerKey: string | null;
  /** The payload as JSON text. */
  payload: string;
  createdBy: string | null;
  replayOf: string | null;
  inline: InlineRun;
};

/** Writes in flight at once; more runs than this wait for the next shared write. */
const MAX_IN_FLIGHT = 4;
const MAX_BATCH = 200;

type Pending = { run: FinishedRun; resolve: (stored: boolean) => void; reject: (error: unknown) => void };
type Writer = { queue: Pending[]; inFlight: number };

const writers = new WeakMap<object, Writer>();

/** Stores a finished run; false when its trigger key was taken (a repeated delivery). */
export function storeFinishedRun(db: Db, run: FinishedRun): Promise<boolean> {
  // NOTE: inside a transaction the run belongs to that transaction's commit: write it there, alone.
  if (db.isTransaction) return writeRuns(db, [run]).then((stored) => stored.has(run.id));
  let writer = writers.get(db);
  if (!writer) writers.set(db, (writer = { queue: [], inFlight: 0 }));
  const queued = writer;
  return new Promise<boolean>((resolve, reject) => {
    queued.queue.push({ run, resolve, reject });
    flush(db, queued);
  });
}

function flush(db: Db, writer: Writer): void {
  while (writer.inFlight < MAX_IN_FLIGHT && writer.queue.length > 0) {
    const batch = writer.queue.splice(0, MAX_BATCH);
    writer.inFlight++;
    void writeBatch(db, batch).finally(() => {
      writer.inFlight--;
      flush(db, writer);
    });
  }
}

async function writeBatch(db: Db, batch: Pending[]): Promise<void> {
  try {
    const stored = await writeRuns(
      db,
      batch.map((pending) => pending.run),
    );
    for (const pending of batch) pending.resolve(stored.has(pending.run.id));
  } catch (error) {
    if (batch.length === 1) return batch[0]!.reject(error);
    // NOTE: one bad run (its workspace deleted a moment ago) must not fail the others: write each alone.
    await Promise.all(
      batch.map((pending) =>
        writeRuns(db, [pending.run]).then((stored) => pending.resolve(stored.has(pending.run.id)), pending.reject),
      ),
    );
  }
}

/** One statement: runs (a taken trigger key is skipped), their step rows in order, and the usage counters. */
async function writeRuns(db: Db, runs: FinishedRun[]): Promise<Set<string>> {
  const query = sql<{ id: string }>`
    with input as (
      select * from jsonb_to_recordset(${runsJson(runs)}::jsonb) as r(n int, id uuid, workspace_id uuid, workflow_id uuid, version int, trigger_type text,
        trigger_key text, payload jsonb, current_step_id text, created_by uuid, replay_of uuid, started_at timestamptz, finished_at timestamptz,
        period date, steps jsonb)
    ), run as (
      insert into workflow_runs (id, workspace_id, workflow_id, version, status, trigger_type, trigger_key, payload, current_step_id,
        created_by, replay_of, created_at, started_at, finished_at, updated_at, wake_at)
      select id, workspace_id, workflow_id, version, 'succeeded', trigger_type, trigger_key, payload, current_step_id,
        created_by, replay_of, started_at, started_at, finished_at, finished_at, finished_at
      from input order by n
      on conflict (workflow_id, trigger_key) do nothing
      returning id
    ), steps as (
      insert into workflow_step_runs (run_id, workspace_id, step_id, step_type, attempt, status, input, output, started_at, finished_at, duration_ms)
      select input.id, input.workspace_id, s.step_id, s.step_type, 1, 'succeeded', s.input, s.output, s.started_at, s.finished_at, s.duration_ms
      from run join input on input.id = run.id
      cross join jsonb_to_recordset(input.steps)
        as s(n int, step_id text, step_type text, input jsonb, output jsonb, started_at timestamptz, finished_at timestamptz, duration_ms double precision)
      order by input.n, s.n
    ), usage as (
      insert into usage_counters (workspace_id, metric, period_start, shard, count)
      select input.workspace_id, 'workflow_runs', input.period, ${usageShard()}, count(*)
      from run join input on input.id = run.id
      group by input.workspace_id, input.period
      on conflict (workspace_id, metric, period_start, shard) do update set count = usage_counters.count + excluded.count
    )
    select id from run`;
  const { rows } = await db.executeQuery(prepared('store_finished_runs', query.compile(db)));
  return new Set(rows.map((row) => row.id));
}

const text = (value: string | null) => (value === null ? 'null' : JSON.stringify(value));

/** The runs as one JSON array. Payloads, inputs and outputs are JSON texts already: spliced in, not parsed again. */
function runsJson(runs: FinishedRun[]): string {
  return `[${runs
    .map((run, n) => {
      const steps = run.inline.steps
        .map(
          (step, i) =>
            `{"n":${i},"step_id":${text(step.step_id)},"step_type":${text(step.step_type)},"input":${step.input},"output":${step.output},"started_at":"${step.started_at}","finished_at":"${step.finished_at}","duration_ms":${step.duration_ms}}`,
        )
        .join(',');
      return `{"n":${n},"id":"${run.id}","workspace_id":"${run.workspaceId}","workflow_id":"${run.workflowId}","version":${run.version},"trigger_type":${text(run.trigger)},"trigger_key":${text(run.triggerKey)},"payload":${run.payload},"current_step_id":${text(run.inline.lastStepId)},"created_by":${text(run.createdBy)},"replay_of":${text(run.replayOf)},"started_at":"${run.inline.startedAt.toISOString()}","finished_at":"${run.inline.finishedAt.toISOString()}","period":"${monthStart(run.inline.startedAt)}","steps":[${steps}]}`;
    })
    .join(',')}]`;
}
