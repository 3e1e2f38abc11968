// Admin journeys. The first uses the shared server: a signed-in customer gets 404 on /admin and on the operator
// API. The second starts its own `next start` on a fresh data folder with the operator login configured: the
// heartbeat job writes a row each minute and /admin shows it; the operator turns the runs kill switch off and on,
// and sees it take effect everywhere the platform reads it.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const OPERATOR = { email: 'ops@levqor.test', password: 'e2e operator passphrase' };
/** `npm run hash-password -- 'e2e operator passphrase'` */
const OPERATOR_HASH = 'scrypt$32768$8$1$S7V7iM2cqxaQzN8msLYVrg$UbOskPZ3jPpU8Br44AmFJWkdNymnbRUIdKdcWAUmdQ8IVLbl2tW_UBIgxB9bOQdmWY3_NdguHICE2rTH5ZHFLA';

async function signUp(page, base, email) {
  await page.goto(`${base}/signin`);
  await page.getByLabel('Work email').first().fill(email);
  await page.getByRole('button', { name: 'Email me a sign-in link' }).click();
  await page.waitForURL(/\/signin\/check-email/);
  await page.goto(`${base}/dev/mailbox`);
  const message = page.getByTestId('mailbox-email').filter({ hasText: `To: ${email}` }).first();
  const link = await message.locator('a[href*="/api/auth/callback/resend"]').getAttribute('href');
  assert.ok(link, 'the magic link is in the development mailbox');
  await page.goto(link);
  await page.waitForURL(/\/dashboard/);
}

function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

/** `next start` on its own port and fresh data folder, with the operator login and the embedded scheduler on. */
async function startOperatorServer() {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const env = {
    ...process.env,
    NODE_ENV: 'production',
    APP_URL: base,
    LEVQOR_DATA_DIR: mkdtempSync(path.join(tmpdir(), 'levqor-e2e-admin-')),
    AUTH_SECRET: randomBytes(32).toString('base64url'),
    ENCRYPTION_KEY: randomBytes(32).toString('base64'),
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
    LEVQOR_DEV_MAILBOX: '1',
    LEVQOR_SCHEDULER: 'on',
    ADMIN_EMAIL: OPERATOR.email,
    ADMIN_PASSWORD_HASH: OPERATOR_HASH,
  };
  const server = spawn(process.execPath, [path.join(root, 'node_modules/next/dist/bin/next'), 'start', '-p', String(port)], { cwd: root, env, stdio: ['ignore', 'inherit', 'inherit'], detached: true });
  const stop = () => {
    try {
      process.kill(-server.pid, 'SIGTERM');
    } catch {
      server.kill();
    }
  };
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`next start exited with code ${server.exitCode}`);
    if (await fetch(`${base}/api/system/pulse`).then((r) => r.ok, () => false)) return { base, stop };
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  stop();
  throw new Error('the operator server did not answer within 60 s');
}

/** Fails on any WCAG 2 A/AA violation axe-core finds on the current page. */
async function assertAccessible(page, label) {
  await page.addScriptTag({ path: path.join(root, 'node_modules/axe-core/axe.min.js') });
  const violations = await page.evaluate(async () => (await window.axe.run(document, { runOnly: ['wcag2a', 'wcag2aa'] })).violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`));
  assert.deepEqual(violations, [], `${label} has accessibility violations`);
}

export const journeys = [
  {
    name: 'a customer who is not an operator gets 404 on /admin and on the operator API',
    async run({ page, baseUrl }) {
      const anonymous = await fetch(`${baseUrl}/api/guardian/summary`);
      assert.equal(anonymous.status, 401);
      await signUp(page, baseUrl, `not-admin-${Date.now()}@example.com`);
      const response = await page.goto('/admin');
      assert.equal(response.status(), 404);
      await page.getByRole('heading', { level: 1, name: 'Page not found' }).waitFor();
      for (const url of ['/api/guardian/summary', '/api/guardian/anomalies', '/api/admin/tenants']) {
        assert.equal((await page.request.get(`${baseUrl}${url}`)).status(), 404, url);
      }
      const rebuild = await page.request.post(`${baseUrl}/api/guardian/upgrade/plans/rebuild`, { headers: { origin: baseUrl } });
      assert.equal(rebuild.status(), 404);
    },
  },
  {
    name: 'the operator sees heartbeats on /admin and turns the runs kill switch off and on',
    async run({ page }) {
      const { base, stop } = await startOperatorServer();
      try {
        await page.goto(`${base}/signin?callbackUrl=/admin`);
        await page.getByText('Operator sign-in').click();
        const form = page.locator('details form');
        await form.getByLabel('Work email').fill(OPERATOR.email);
        await form.getByLabel('Password').fill(OPERATOR.password);
        await form.getByRole('button', { name: 'Sign in as operator' }).click();
        await page.waitForURL(/\/admin$/);

        // System health: the embedded scheduler's heartbeat job writes a row each minute and the page shows it.
        await page.getByRole('heading', { level: 1, name: 'System health' }).waitFor();
        const deadline = Date.now() + 90_000;
        while ((await page.getByTestId('heartbeat-row').count()) === 0) {
          assert.ok(Date.now() < deadline, 'a heartbeat row appears within 90 s of start');
          await page.waitForTimeout(3_000);
          await page.reload();
        }
        assert.match(await page.getByTestId('heartbeat-row').first().innerText(), /OK|Degraded/);
        assert.match(await page.getByTestId('job-row').filter({ hasText: 'heartbeat' }).first().innerText(), /Succeeded/);
        assert.equal(await page.getByTestId('launch-stage').innerText(), 'Pre-launch');
        await assertAccessible(page, '/admin');

        // Power panel: the kill switch, by pointer and then by keyboard.
        await page.getByRole('link', { name: 'Power panel' }).click();
        await page.getByRole('heading', { level: 1, name: 'Power panel' }).waitFor();
        const runsSwitch = page.getByRole('switch', { name: 'Workflow runs' });
        assert.equal(await runsSwitch.getAttribute('aria-checked'), 'true');
        assert.equal(await page.getByTestId('runs-state').innerText(), 'Runs enabled');
        await assertAccessible(page, '/admin/power');
        await runsSwitch.click();
        await page.getByTestId('runs-state').filter({ hasText: 'Runs paused' }).waitFor();
        assert.equal(await runsSwitch.getAttribute('aria-checked'), 'false');

        await page.reload();
        assert.equal(await page.getByTestId('runs-state').innerText(), 'Runs paused');
        const flags = await (await page.request.get(`${base}/api/admin/flags`)).json();
        assert.equal(flags.data.find((flag) => flag.key === 'workflows.runs_enabled').enabled, false);
        const summary = await (await page.request.get(`${base}/api/guardian/summary`)).json();
        assert.equal(summary.kill_switches['workflows.runs_enabled'], false);

        await page.goto(`${base}/admin/audit?action=flag.`);
        assert.match(await page.getByTestId('admin-audit-row').first().innerText(), /flag\.changed[\s\S]*workflows\.runs_enabled/);

        await page.goto(`${base}/admin/power`);
        await page.getByRole('switch', { name: 'Workflow runs' }).focus();
        await page.keyboard.press('Space');
        await page.getByTestId('runs-state').filter({ hasText: 'Runs enabled' }).waitFor();

        // Guardian: a dry-run healing plan and upgrade plans rebuilt on demand.
        await page.getByRole('link', { name: 'Guardian' }).click();
        await page.getByTestId('health-score').waitFor();
        assert.match(await page.getByTestId('healing-mode').innerText(), /Nothing is applied automatically/);
        await page.getByRole('button', { name: 'Rebuild now' }).click();
        await page.getByTestId('rebuild-result').filter({ hasText: /open\.$/ }).waitFor();
        await page.getByTestId('upgrade-plan').first().waitFor();
        await assertAccessible(page, '/admin/guardian');

        // Tenants: the operator's own workspace is found by email.
        await page.goto(`${base}/admin/tenants?q=ops%40levqor.test`);
        assert.equal(await page.getByTestId('tenant-row').count(), 1);
        await assertAccessible(page, '/admin/tenants');

        // Browser telemetry sent with sendBeacon as pages were left arrives in the logs.
        const logs = await (await page.request.get(`${base}/api/admin/logs?limit=200`)).json();
        assert.ok(logs.lines.some((line) => line.name === 'web.page_load'), 'page-load telemetry from the browser is stored');
      } finally {
        stop();
      }
    },
  },
];
