// Browser journeys: starts `next start` on a fresh data folder, drives Debian's Chromium with playwright-core,
// runs every e2e/*.journey.mjs and prints "N passed, N failed". Needs `next build` first.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';

const root = path.resolve(import.meta.dirname, '..');
const port = Number(process.env.E2E_PORT ?? 3210);
const baseUrl = `http://127.0.0.1:${port}`;
const only = process.argv[2];

const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

async function startServer() {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'levqor-e2e-'));
  const server = spawn(
    process.execPath,
    [path.join(root, 'node_modules/next/dist/bin/next'), 'start', '-p', String(port)],
    {
      cwd: root,
      env: {
        ...process.env,
        NODE_ENV: 'production',
        APP_URL: baseUrl,
        LEVQOR_DATA_DIR: dataDir,
        AUTH_SECRET: process.env.AUTH_SECRET ?? randomBytes(32).toString('base64url'),
        ENCRYPTION_KEY: process.env.ENCRYPTION_KEY ?? randomBytes(32).toString('base64'),
        LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
        LEVQOR_DEV_MAILBOX: '1',
        LEVQOR_DEV_MAILBOX_INSECURE: '1',
        // NOTE: 127.0.0.2 is loopback but not 127.0.0.1, which journeys check the egress guard refuses.
        WORKFLOW_EGRESS_ALLOWLIST: process.env.WORKFLOW_EGRESS_ALLOWLIST ?? '127.0.0.2',
      },
      stdio: ['ignore', 'inherit', 'inherit'],
      detached: true,
    },
  );
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`next start exited with code ${server.exitCode}`);
    try {
      if ((await fetch(`${baseUrl}/api/system/pulse`)).ok) return server;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  stopServer(server);
  throw new Error('next start did not answer within 60 s');
}

/** `next start` forks a next-server child: stop the whole process group. */
function stopServer(server) {
  try {
    process.kill(-server.pid, 'SIGTERM');
  } catch {
    server.kill();
  }
}

async function loadJourneys() {
  const files = readdirSync(import.meta.dirname)
    .filter((file) => file.endsWith('.journey.mjs'))
    .sort();
  const journeys = [];
  for (const file of files) {
    const loaded = await import(path.join(import.meta.dirname, file));
    for (const journey of loaded.journeys) journeys.push({ ...journey, file });
  }
  return only ? journeys.filter((journey) => journey.name.includes(only) || journey.file.includes(only)) : journeys;
}

const server = await startServer();
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: CHROMIUM_FLAGS,
});
const screenshotDir = path.join(import.meta.dirname, 'screenshots');
mkdirSync(screenshotDir, { recursive: true });
const results = [];
// NOTE: journeys sign up their own users and workspaces, so several can share the server; CI runs two at a time
// (journeys that need their own settings start their own server: startExtraServer).
const concurrency = Math.max(1, Number(process.env.E2E_CONCURRENCY ?? 1));
// A journey that fails is run once more (as Playwright's `retries: 1`); a pass on the retry is reported as flaky.
const retries = Number(process.env.E2E_RETRIES ?? (process.env.CI ? 1 : 0));

async function runJourney(journey, attempt) {
  const context = await browser.newContext({ baseURL: baseUrl, viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  const pageErrors = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  if (process.env.E2E_DEBUG)
    page.on('response', (r) => console.log('   ', r.status(), r.url(), r.headers().location ?? ''));
  const startedAt = Date.now();
  try {
    await journey.run({ page, context, baseUrl, screenshotDir });
    if (pageErrors.length) throw new Error(`uncaught errors in the page: ${pageErrors.join('; ')}`);
    return { name: journey.name, ok: true, ms: Date.now() - startedAt, ...(attempt > 0 ? { flaky: true } : {}) };
  } catch (error) {
    await page
      .screenshot({ path: path.join(screenshotDir, `failed-${journey.name.replace(/\W+/g, '-')}.png`) })
      .catch(() => {});
    return { name: journey.name, ok: false, ms: Date.now() - startedAt, error: String(error?.stack ?? error) };
  } finally {
    await context.close();
  }
}

try {
  const queue = await loadJourneys();
  const worker = async () => {
    for (let journey = queue.shift(); journey; journey = queue.shift()) {
      let result = await runJourney(journey, 0);
      const firstError = result.error;
      for (let attempt = 1; !result.ok && attempt <= retries; attempt++) {
        const shown = result.error.split('\n').slice(0, 12).join('\n      ');
        console.log(`  ↻ ${journey.name} failed, running it again:\n      ${shown}`);
        result = await runJourney(journey, attempt);
      }
      if (result.flaky) result.firstError = firstError;
      results.push(result);
      if (result.ok)
        console.log(`  ✓ ${journey.name} (${result.ms} ms)${result.flaky ? ' — flaky: passed on retry' : ''}`);
      else console.log(`  ✗ ${journey.name}\n    ${result.error.split('\n').join('\n    ')}`);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, () => worker()));
} finally {
  await browser.close();
  stopServer(server);
}

const passed = results.filter((result) => result.ok).length;
const failed = results.length - passed;
if (process.env.CI_REPORT_DIR)
  writeFileSync(path.join(process.env.CI_REPORT_DIR, 'e2e.json'), JSON.stringify({ passed, failed, results }, null, 2));
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
