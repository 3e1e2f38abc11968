// HTTP bench: throughput and p99 of pulse and heartbeat (both through withApi) against `next start`, and of a bare
// Next route handler in the same run; prints the wrapper's cost as a ratio. Needs `next build` first.
// Usage: node bench/http.mjs [--duration 10] [--connections 50]
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';

const { values } = parseArgs({
  options: {
    duration: { type: 'string', default: '10' },
    connections: { type: 'string', default: '50' },
    rounds: { type: 'string', default: '2' },
  },
});
const duration = Number(values.duration);
const connections = Number(values.connections);
const port = 3290;
const base = `http://127.0.0.1:${port}`;
const root = path.resolve(import.meta.dirname, '..');

const server = spawn(
  process.execPath,
  [path.join(root, 'node_modules/next/dist/bin/next'), 'start', '-p', String(port)],
  {
    cwd: root,
    env: {
      ...process.env,
      NODE_ENV: 'production',
      LEVQOR_BENCH: '1',
      LEVQOR_DATA_DIR: mkdtempSync(path.join(tmpdir(), 'levqor-bench-')),
      AUTH_SECRET: randomBytes(32).toString('base64url'),
      ENCRYPTION_KEY: randomBytes(32).toString('base64'),
    },
    stdio: ['ignore', 'ignore', 'inherit'],
    detached: true,
  },
);

async function waitForServer() {
  for (let i = 0; i < 240; i++) {
    try {
      if ((await fetch(`${base}/api/system/heartbeat`)).ok) return;
    } catch {
      // starting
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error('server did not start');
}

const run = (urlPath, seconds) => autocannon({ url: base + urlPath, connections, duration: seconds, pipelining: 1 });

try {
  await waitForServer();
  const targets = { bare: '/api/bench/bare', pulse: '/api/system/pulse', heartbeat: '/api/system/heartbeat' };
  for (const urlPath of Object.values(targets)) await run(urlPath, 3); // warm-up: JIT, module loading, database
  const samples = Object.fromEntries(Object.keys(targets).map((name) => [name, []]));
  for (let round = 0; round < Number(values.rounds); round++) {
    for (const [name, urlPath] of Object.entries(targets)) {
      const result = await run(urlPath, duration);
      if (result.non2xx || result.errors) throw new Error(`${name}: ${result.non2xx} non-2xx, ${result.errors} errors`);
      samples[name].push({ rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99 });
    }
  }
  const mean = (list, key) => list.reduce((sum, item) => sum + item[key], 0) / list.length;
  const summary = Object.fromEntries(
    Object.entries(samples).map(([name, list]) => [
      name,
      { rps: Math.round(mean(list, 'rps')), p50_ms: mean(list, 'p50'), p99_ms: mean(list, 'p99') },
    ]),
  );
  console.log(`node ${process.version}, ${connections} connections, ${values.rounds} × ${duration} s per endpoint`);
  console.table(summary);
  const overhead = 1 - summary.pulse.rps / summary.bare.rps;
  console.log(
    `withApi (pulse) vs bare handler: ${(summary.pulse.rps / summary.bare.rps).toFixed(3)} of bare throughput, ${(overhead * 100).toFixed(1)} % cost; p99 ${summary.pulse.p99_ms.toFixed(1)} ms vs ${summary.bare.p99_ms.toFixed(1)} ms`,
  );
} finally {
  process.kill(-server.pid, 'SIGTERM'); // next start forks next-server: stop the whole group
}
