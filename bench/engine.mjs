// Engine bench (a): webhook-triggered one-step (transform) workflows completed per second on `next start` with the
// local PostgreSQL and the embedded driver, driven by autocannon; checks that no accepted delivery is lost.
// Needs a build first (NEXT_DIST_DIR=.next-bench npx next build). Usage: node bench/engine.mjs [--duration 20] [--connections 50]
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import pg from 'pg';

const { values } = parseArgs({
  options: {
    duration: { type: 'string', default: '20' },
    connections: { type: 'string', default: '50' },
    database: { type: 'string', default: 'postgres://postgres@127.0.0.1:5432/postgres' },
  },
});
const root = path.resolve(import.meta.dirname, '..');
const port = 3291;
const base = `http://127.0.0.1:${port}`;
const dbName = `levqor_bench_${randomBytes(3).toString('hex')}`;
const adminUrl = new URL(values.database);
const benchUrl = new URL(values.database);
benchUrl.pathname = `/${dbName}`;

const admin = new pg.Client({ connectionString: adminUrl.toString() });
await admin.connect();
await admin.query(`create database ${dbName}`);
const env = {
  ...process.env,
  DATABASE_URL: benchUrl.toString(),
  NODE_ENV: 'production',
  LOG_LEVEL: 'warn',
  AUTH_SECRET: randomBytes(32).toString('base64url'),
  ENCRYPTION_KEY: randomBytes(32).toString('base64'),
};
const migrated = spawnSync(
  process.execPath,
  [path.join(root, 'node_modules/tsx/dist/cli.mjs'), '--conditions=react-server', 'db/migrate-cli.ts'],
  { cwd: root, env, stdio: 'inherit' },
);
if (migrated.status !== 0) throw new Error('migration failed');

const db = new pg.Client({ connectionString: benchUrl.toString() });
await db.connect();
const token = `wh_bench_${randomBytes(12).toString('hex')}`;
const definition = {
  schemaVersion: 1,
  name: 'Bench: reshape an order',
  trigger: { type: 'webhook', requireSignature: false },
  steps: [
    {
      id: 'shape',
      type: 'transform',
      config: { value: { order: '{{trigger.payload.body.order}}', total: '{{trigger.payload.body.total}}' } },
    },
  ],
  settings: {
    timezone: 'UTC',
    retry: { maxAttempts: 5, initialDelayMs: 1000, maxDelayMs: 300000 },
    concurrency: 100,
    approvalTimeoutHours: 72,
  },
};
const {
  rows: [workspace],
} = await db.query(`insert into workspaces (name, concurrency_limit) values ('Bench', 100) returning id`);
// NOTE: a paid plan with a raised monthly run allowance, so the bench measures the engine and not the free plan's limit.
await db.query(
  `insert into billing_accounts (workspace_id, plan, status, limit_overrides) values ($1, 'business', 'active', '{"runs_per_month": 100000000}')`,
  [workspace.id],
);
const {
  rows: [workflow],
} = await db.query(
  `insert into workflows (workspace_id, name, current_version, trigger_type, webhook_token, webhook_secret, concurrency_limit) values ($1, $2, 1, 'webhook', $3, 'unused', 100) returning id`,
  [workspace.id, definition.name, token],
);
await db.query(`insert into workflow_versions (workflow_id, version, definition) values ($1, 1, $2)`, [
  workflow.id,
  JSON.stringify(definition),
]);

const server = spawn(
  process.execPath,
  [path.join(root, 'node_modules/next/dist/bin/next'), 'start', '-p', String(port)],
  {
    cwd: root,
    env: {
      ...env,
      NEXT_DIST_DIR: process.env.NEXT_DIST_DIR ?? '.next-bench',
      LEVQOR_DATA_DIR: mkdtempSync(path.join(tmpdir(), 'levqor-bench-')),
    },
    stdio: ['ignore', 'ignore', 'inherit'],
    detached: true,
  },
);

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
async function waitForServer() {
  for (let i = 0; i < 240; i++) {
    try {
      if ((await fetch(`${base}/api/system/pulse`)).ok) return;
    } catch {
      // starting
    }
    await sleep(250);
  }
  throw new Error('server did not start');
}

const hook = (seconds) =>
  autocannon({
    url: `${base}/api/hooks/${token}`,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ order: 'A-1001', total: 129.5 }),
    connections: Number(values.connections),
    duration: seconds,
  });

async function settle() {
  for (;;) {
    const {
      rows: [pending],
    } = await db.query(`select count(*)::int as n from workflow_runs where status in ('queued', 'running')`);
    if (pending.n === 0) return;
    await sleep(100);
  }
}

try {
  await waitForServer();
  await hook(3); // warm-up: JIT, module loading, connection pool
  await settle();
  await db.query('delete from workflow_runs');
  const result = await hook(Number(values.duration));
  const accepted = result['2xx'];
  await settle();
  const {
    rows: [stats],
  } = await db.query(`
    select count(*)::int as runs,
           count(*) filter (where status = 'succeeded')::int as succeeded,
           extract(epoch from max(finished_at) - min(created_at)) as span_s,
           percentile_cont(0.5) within group (order by extract(epoch from finished_at - created_at)) * 1000 as p50_ms,
           percentile_cont(0.95) within group (order by extract(epoch from finished_at - created_at)) * 1000 as p95_ms
    from workflow_runs`);
  console.log(
    `node ${process.version}, ${values.connections} connections, ${values.duration} s, PostgreSQL ${(await db.query('show server_version')).rows[0].server_version}`,
  );
  console.table({
    webhooks: {
      accepted,
      non2xx: result.non2xx,
      errors: result.errors,
      rps: Math.round(result.requests.average),
      p99_ms: result.latency.p99,
    },
    runs: {
      created: stats.runs,
      succeeded: stats.succeeded,
      lost: Math.max(0, accepted - stats.runs),
      completed_per_s: Math.round(stats.succeeded / Number(stats.span_s)),
      p50_ms: Math.round(stats.p50_ms),
      p95_ms: Math.round(stats.p95_ms),
    },
  });
} finally {
  process.kill(-server.pid, 'SIGTERM');
  await db.end();
  await sleep(500);
  await admin.query(`drop database if exists ${dbName} with (force)`);
  await admin.end();
}
