// Engine bench (b): per-step overhead of the engine for a 40-step run of no-op (transform) steps, on PGlite and on the
// local PostgreSQL. Run: npx tsx --conditions=react-server bench/engine-steps.ts [--runs 30]
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import { type Db, pglite, postgresInSchema } from '@/db/client';
import { migrateToLatest } from '@/db/migrate';
import { workflowDefinitionSchema } from '@/lib/workflows/definition';
import { defaultEngineDeps } from '@/lib/workflows/engine/default-deps';
import { driveRun } from '@/lib/workflows/engine/embedded-driver';
import { createRun } from '@/lib/workflows/runs/create-run';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '30' }, database: { type: 'string', default: 'postgres://postgres@127.0.0.1:5432/postgres' } } });
const STEPS = 40;

async function measure(db: Db): Promise<number[]> {
  await migrateToLatest(db);
  const workspace = await db.insertInto('workspaces').values({ name: 'Bench' }).returning('id').executeTakeFirstOrThrow();
  const definition = workflowDefinitionSchema.parse({
    name: 'Bench: 40 no-op steps',
    trigger: { type: 'manual' },
    steps: Array.from({ length: STEPS }, (_, i) => ({ id: `s${i}`, type: 'transform', config: { value: i } })),
  });
  const workflow = await db
    .insertInto('workflows')
    .values({ workspace_id: workspace.id, name: definition.name, current_version: 1, trigger_type: 'manual', webhook_token: `wh_${randomBytes(8).toString('hex')}`, webhook_secret: 'unused' })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db.insertInto('workflow_versions').values({ workflow_id: workflow.id, version: 1, definition: JSON.stringify(definition) }).execute();
  const perStep: number[] = [];
  for (let i = 0; i < Number(values.runs) + 3; i++) {
    const run = await createRun(db, { workspaceId: workspace.id, workflowId: workflow.id, trigger: 'manual', dispatch: false });
    const startedAt = performance.now();
    const last = await driveRun(db, run.id, defaultEngineDeps);
    const elapsed = performance.now() - startedAt;
    if (last.kind !== 'finished' || last.status !== 'succeeded') throw new Error(`run ended ${JSON.stringify(last)}`);
    if (i >= 3) perStep.push(elapsed / STEPS); // the first runs warm the JIT and the definition cache
  }
  return perStep;
}

function summarise(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
  return { runs: samples.length, median_ms_per_step: Number(at(0.5).toFixed(3)), p95_ms_per_step: Number(at(0.95).toFixed(3)), median_ms_per_run: Number((at(0.5) * STEPS).toFixed(1)) };
}

const results: Record<string, ReturnType<typeof summarise>> = {};
const lite = await pglite();
results.pglite = summarise(await measure(lite));
await lite.destroy();

const schema = `bench_${randomBytes(4).toString('hex')}`;
const pgDb = await postgresInSchema(values.database, schema);
try {
  results.postgres = summarise(await measure(pgDb));
} finally {
  await sql`drop schema ${sql.id(schema)} cascade`.execute(pgDb);
  await pgDb.destroy();
}
console.log(`node ${process.version}, ${STEPS} transform steps per run`);
console.table(results);
