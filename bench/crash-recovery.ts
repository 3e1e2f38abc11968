// Crash-recovery bench: an embedded driver process works through a stream of one-step runs whose step calls a local
// HTTP server (which counts calls per Idempotency-Key); the process is killed with SIGKILL mid-load and a new one is
// started as the same node. Reports runs stuck, runs lost, duplicate calls, and seconds from the restart until the
// runs the kill interrupted, and then all runs, finished. `--no-heartbeat` measures the lease-only driver (before).
// Run: node --conditions=react-server --import tsx bench/crash-recovery.ts [--runs 1200] [--rate 40] [--kill-after 10] [--restart same|other] [--no-heartbeat]
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import { type Db, postgresInSchema } from '@/db/client';
import { migrateToLatest } from '@/db/migrate';
import { workflowDefinitionSchema } from '@/lib/workflows/definition';
import { createEmbeddedDriver } from '@/lib/workflows/engine/embedded-driver';
import { guardedFetch } from '@/lib/workflows/egress/guarded-fetch';
import { stepRegistry } from '@/lib/workflows/steps';

const { values } = parseArgs({
  options: {
    role: { type: 'string', default: 'bench' },
    database: { type: 'string', default: 'postgres://postgres@127.0.0.1:5432/test' },
    schema: { type: 'string' },
    upstream: { type: 'string' },
    identity: { type: 'string' },
    runs: { type: 'string', default: '1200' },
    rate: { type: 'string', default: '40' },
    'kill-after': { type: 'string', default: '10' },
    'latency-ms': { type: 'string', default: '250' },
    concurrency: { type: 'string', default: '16' },
    'timeout-s': { type: 'string', default: '300' },
    'no-heartbeat': { type: 'boolean', default: false },
    /** `same`: the new process is the same node restarting; `other`: another node takes over (after the beats stop). */
    restart: { type: 'string', default: 'same' },
  },
});
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const heartbeatMs = values['no-heartbeat'] ? 0 : 5_000;

/** The driver process: one embedded driver with the production defaults (1 s poll, 120 s lease, 5 s heartbeat). */
async function runDriver(): Promise<void> {
  const db = await postgresInSchema(values.database, values.schema!);
  const allowlist = new URL(values.upstream!).hostname;
  const driver = createEmbeddedDriver({
    getDb: async () => db,
    deps: {
      steps: stepRegistry,
      fetch: (url, init) => guardedFetch(url, init, { allowlist }),
      credential: async () => ({}),
    },
    concurrency: Number(values.concurrency),
    identity: values.identity!,
    heartbeatMs,
  });
  process.stdout.write(`${JSON.stringify({ ready: driver.driverId })}\n`);
  setInterval(() => undefined, 60_000);
  process.on('SIGTERM', () => void driver.stop().finally(() => db.destroy().finally(() => process.exit(0))));
}

function startDriverProcess(
  schema: string,
  upstream: string,
  identity: string,
): Promise<{ child: ChildProcess; driverId: string }> {
  const args = [
    '--conditions=react-server',
    '--import',
    'tsx',
    'bench/crash-recovery.ts',
    '--role',
    'driver',
    '--database',
    values.database,
    '--schema',
    schema,
    '--upstream',
    upstream,
    '--identity',
    identity,
    '--concurrency',
    values.concurrency,
  ];
  if (values['no-heartbeat']) args.push('--no-heartbeat');
  const child = spawn(process.execPath, args, {
    cwd: path.resolve(import.meta.dirname, '..'),
    env: { ...process.env, LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`driver exited with ${code} before it was ready`)));
    createInterface({ input: child.stdout! }).once('line', (line) =>
      resolve({ child, driverId: (JSON.parse(line) as { ready: string }).ready }),
    );
  });
}

async function seed(db: Db, upstream: string): Promise<{ workspaceId: string; workflowId: string }> {
  const workspace = await db
    .insertInto('workspaces')
    .values({ name: 'Crash bench', concurrency_limit: 1_000 })
    .returning('id')
    .executeTakeFirstOrThrow();
  const definition = workflowDefinitionSchema.parse({
    name: 'Crash bench: charge',
    trigger: { type: 'manual' },
    steps: [{ id: 'charge', type: 'http_request', config: { method: 'POST', url: `${upstream}/charge` } }],
    settings: { concurrency: 100 },
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
      concurrency_limit: 100,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('workflow_versions')
    .values({ workflow_id: workflow.id, version: 1, definition: JSON.stringify(definition) })
    .execute();
  return { workspaceId: workspace.id, workflowId: workflow.id };
}

async function runBench(): Promise<void> {
  const calls = new Map<string, number>();
  let open = 0;
  const server = createServer((req, res) => {
    const key = String(req.headers['idempotency-key'] ?? '');
    calls.set(key, (calls.get(key) ?? 0) + 1);
    open++;
    req.resume();
    setTimeout(() => {
      open--;
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
    }, Number(values['latency-ms']));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const upstream = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const schema = `crash_${randomBytes(4).toString('hex')}`;
  const db = await postgresInSchema(values.database, schema);
  const identity = `bench-node ${schema}`;
  let child: ChildProcess | undefined;
  try {
    await migrateToLatest(db);
    const { workspaceId, workflowId } = await seed(db, upstream);
    ({ child } = await startDriverProcess(schema, upstream, identity));
    const total = Number(values.runs);
    const perTick = Math.max(1, Math.round(Number(values.rate) / 10));
    const loadStartedAt = Date.now();
    let created = 0;
    let lastCreatedAt = 0;
    // NOTE: queued runs written directly (as createRun leaves a run with outside effects), ten batches a second.
    const load = (async () => {
      while (created < total) {
        const batch = Math.min(perTick, total - created);
        await db
          .insertInto('workflow_runs')
          .values(
            Array.from({ length: batch }, () => ({
              workspace_id: workspaceId,
              workflow_id: workflowId,
              version: 1,
              status: 'queued' as const,
              trigger_type: 'manual',
              current_step_id: 'charge',
            })),
          )
          .execute();
        created += batch;
        lastCreatedAt = Date.now();
        await sleep(Math.max(0, loadStartedAt + (created / perTick) * 100 - Date.now()));
      }
    })();

    await sleep(Number(values['kill-after']) * 1_000);
    const inFlightCalls = open;
    child.kill('SIGKILL');
    await new Promise((resolve) => child!.once('exit', resolve));
    const interrupted = (
      await db
        .selectFrom('workflow_runs')
        .select('id')
        .where('status', 'in', ['queued', 'running'])
        .where('lease_until', '>', sql<Date>`now()`)
        .execute()
    ).map((row) => row.id);
    const finishedBeforeKill = Number(
      (
        await db
          .selectFrom('workflow_runs')
          .select(sql<number>`count(*)`.as('n'))
          .where('status', '=', 'succeeded')
          .executeTakeFirstOrThrow()
      ).n,
    );

    const restartedAt = Date.now();
    const restarted = await startDriverProcess(
      schema,
      upstream,
      values.restart === 'other' ? `${identity} (other node)` : identity,
    );
    child = restarted.child;
    const readyAt = Date.now();

    let interruptedDoneAt: number | null = null;
    let allDoneAt: number | null = null;
    const deadline = restartedAt + Number(values['timeout-s']) * 1_000;
    while (Date.now() < deadline) {
      const pendingInterrupted =
        interrupted.length === 0
          ? 0
          : Number(
              (
                await db
                  .selectFrom('workflow_runs')
                  .select(sql<number>`count(*)`.as('n'))
                  .where('id', 'in', interrupted)
                  .where('status', 'in', ['queued', 'running'])
                  .executeTakeFirstOrThrow()
              ).n,
            );
      if (pendingInterrupted === 0) interruptedDoneAt ??= Date.now();
      const pending = Number(
        (
          await db
            .selectFrom('workflow_runs')
            .select(sql<number>`count(*)`.as('n'))
            .where('status', 'in', ['queued', 'running'])
            .executeTakeFirstOrThrow()
        ).n,
      );
      if (created === total && pending === 0) {
        allDoneAt = Date.now();
        interruptedDoneAt ??= allDoneAt;
        break;
      }
      await sleep(100);
    }
    await load;

    const runs = await db.selectFrom('workflow_runs').select(['id', 'status']).execute();
    const stuck = runs.filter((run) => run.status === 'queued' || run.status === 'running').length;
    const succeeded = runs.filter((run) => run.status === 'succeeded');
    const neverCalled = succeeded.filter((run) => !calls.has(`${run.id}:charge`)).length;
    const duplicates = [...calls.values()].filter((count) => count > 1);
    const interruptedAttempts = Number(
      (
        await db
          .selectFrom('workflow_step_runs')
          .select(sql<number>`count(*)`.as('n'))
          .where(sql`error::jsonb ->> 'code'`, '=', 'interrupted')
          .executeTakeFirstOrThrow()
      ).n,
    );
    const seconds = (at: number | null) =>
      at === null ? 'not within the timeout' : Number(((at - restartedAt) / 1000).toFixed(1));

    const mode = values['no-heartbeat']
      ? 'heartbeats off (lease only, 120 s)'
      : `heartbeats on (5 s beat, stale after 15 s), restarted as the ${values.restart === 'other' ? 'other node' : 'same node'}`;
    console.log(
      `node ${process.version}; ${mode}; ${total} runs at ${values.rate}/s, SIGKILL after ${values['kill-after']} s, upstream ${values['latency-ms']} ms, concurrency ${values.concurrency}`,
    );
    console.table({
      'runs created': runs.length,
      'succeeded before the kill': finishedBeforeKill,
      'leased at the kill': interrupted.length,
      'calls in flight at the kill': inFlightCalls,
      'runs succeeded': succeeded.length,
      'runs stuck': stuck,
      'runs lost': runs.length - succeeded.length - stuck + neverCalled,
      'keys called twice or more': duplicates.length,
      'extra calls': duplicates.reduce((sum, count) => sum + count - 1, 0),
      'interrupted attempts': interruptedAttempts,
      's restart → new process ready': Number(((readyAt - restartedAt) / 1000).toFixed(1)),
      's restart → interrupted runs finished': seconds(interruptedDoneAt),
      's restart → all runs finished': seconds(allDoneAt),
      's restart → last run created': seconds(lastCreatedAt),
    });
  } finally {
    if (child && child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((resolve) => child!.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
    server.close();
    await sql`drop schema ${sql.id(schema)} cascade`.execute(db);
    await db.destroy();
  }
}

await (values.role === 'driver' ? runDriver() : runBench());
