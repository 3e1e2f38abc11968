// Engine bench (b): per-step overhead of the engine for a 40-step run of no-op (transform) steps, on PGlite and on the
// local PostgreSQL, two ways: driven step by step (each step recorded as it goes: the path every step with outside
// effects takes) and inline (a run of pure steps computed and stored while it is created).
// Run: npx tsx --conditions=react-server bench/engine-steps.ts [--runs 30]
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import { type Db, pglite, postgresInSchema } from '@/db/client';
import { migrateToLatest } from '@/db/migrate';
import { workflowDefinitionSchema } from '@/lib/workflows/definition';
import { defaultEngineDeps } from '@/lib/workflows/engine/default-deps';
import { driveRun } from '@/lib/workflows/engine/embedded-driver';
import { createRun } from '@/lib/workflows/runs/create-run';

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '30' },
    database: { type: 'string', default: 'postgres://postgres@127.0.0.1:5432/postgres' },
  },
});
const STEPS = 40;

async function measure(db: Db): Promise<{ driven: number[]; inline: number[] }> {
  await migrateToLatest(db);
  const workspace = await db
    .insertInto('workspaces')
    .values({ name: 'Bench' })
    .returning('id')
    .executeTakeFirstOrThrow();
  const definition = workflowDefinitionSchema.parse({
    name: 'Bench: 40 no-op steps',
    trigger: { type: 'manual' },
    steps: Array.from({ length: STEPS }, (_, i) => ({ id: `s${i}`, type: 'transform', config: { value: i } })),
  });
  const workflow = await db
    .insertInto('workflows')
    .values({
      workspace_id: workspace.id,
      name: definition.name,
      current_version: 1,
      trigger_type: 'manual',
      webhook_token: `wh_${randomBytes(8).toString('hex')}`,
      webhook_secret: 'unused',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('workflow_versions')
    .values({ workflow_id: workflow.id, version: 1, definition: JSON.stringify(definition) })
    .execute();
  const driven: number[] = [];
  const inline: number[] = [];
  for (let i = 0; i < Number(values.runs) + 3; i++) {
    // NOTE: a queued run written directly, so the driver takes it step by step (createRun would finish it inline).
    const queued = await db
      .insertInto('workflow_runs')
      .values({
        workspace_id: workspace.id,
        workflow_id: workflow.id,
        version: 1,
        status: 'queued',
        trigger_type: 'manual',
        current_step_id: 's0',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    let startedAt = performance.now();
    const last = await driveRun(db, queued.id, defaultEngineDeps);
    const drivenMs = performance.now() - startedAt;
    if (last.kind !== 'finished' || last.status !== 'succeeded') throw new Error(`run ended ${JSON.stringify(last)}`);

    startedAt = performance.now();
    const created = await createRun(db, {
      workspaceId: workspace.id,
      workflowId: workflow.id,
      trigger: 'manual',
      dispatch: false,
    });
    const inlineMs = performance.now() - startedAt;
    if (created.status !== 'succeeded') throw new Error(`inline run ended ${created.status}`);
    // The first runs warm the JIT and the definition cache.
    if (i >= 3) {
      driven.push(drivenMs / STEPS);
      inline.push(inlineMs / STEPS);
    }
  }
  return { driven, inline };
}

function summarise(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
  return {
    runs: samples.length,
    median_ms_per_step: Number(at(0.5).toFixed(3)),
    p95_ms_per_step: Number(at(0.95).toFixed(3)),
    median_ms_per_run: Number((at(0.5) * STEPS).toFixed(1)),
  };
}

const results: Record<string, ReturnType<typeof summarise>> = {};
const lite = await pglite();
const liteTimes = await measure(lite);
results['pglite, driven'] = summarise(liteTimes.driven);
results['pglite, inline'] = summarise(liteTimes.inline);
await lite.destroy();

const schema = `bench_${randomBytes(4).toString('hex')}`;
const pgDb = await postgresInSchema(values.database, schema);
try {
  const pgTimes = await measure(pgDb);
  results['postgres, driven'] = summarise(pgTimes.driven);
  results['postgres, inline'] = summarise(pgTimes.inline);
} finally {
  await sql`drop schema ${sql.id(schema)} cascade`.execute(pgDb);
  await pgDb.destroy();
}
console.log(`node ${process.version}, ${STEPS} transform steps per run`);
console.table(results);
