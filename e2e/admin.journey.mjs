// Admin journeys. The first uses the shared server: a signed-in customer gets 404 on /admin and on the operator
// API. The second starts its own `next start` on a fresh data folder with the operator login configured: the
// heartbeat job writes a row each minute and /admin shows it; the operator turns the runs kill switch off and on,
// and sees it take effect everywhere the platform reads it.
import assert from 'node:assert/strict';
import { assertAccessible, signUp, startExtraServer } from './helpers.mjs';

const OPERATOR = { email: 'ops@levqor.test', password: 'e2e operator passphrase' };
/** `npm run hash-password -- 'e2e operator passphrase'` */
const OPERATOR_HASH =
  'scrypt$32768$8$1$S7V7iM2cqxaQzN8msLYVrg$UbOskPZ3jPpU8Br44AmFJWkdNymnbRUIdKdcWAUmdQ8IVLbl2tW_UBIgxB9bOQdmWY3_NdguHICE2rTH5ZHFLA';

/** `next start` on its own port and fresh data folder, with the operator login and the embedded scheduler on. */
function startOperatorServer() {
  return startExtraServer({
    name: 'admin',
    env: { LEVQOR_SCHEDULER: 'on', ADMIN_EMAIL: OPERATOR.email, ADMIN_PASSWORD_HASH: OPERATOR_HASH },
  });
}

export const journeys = [
  {
    name: 'a customer who is not an operator gets 404 on /admin and on the operator API',
    async run({ page, baseUrl }) {
      const anonymous = await fetch(`${baseUrl}/api/guardian/summary`);
      assert.equal(anonymous.status, 401);
      await signUp(page, { base: baseUrl, prefix: 'not-admin' });
      const response = await page.goto('/admin');
      assert.equal(response.status(), 404);
      await page.getByRole('heading', { level: 1, name: 'Page not found' }).waitFor();
      for (const url of ['/api/guardian/summary', '/api/guardian/anomalies', '/api/admin/tenants']) {
        assert.equal((await page.request.get(`${baseUrl}${url}`)).status(), 404, url);
      }
      const rebuild = await page.request.post(`${baseUrl}/api/guardian/upgrade/plans/rebuild`, {
        headers: { origin: baseUrl },
      });
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
        assert.match(
          await page.getByTestId('job-row').filter({ hasText: 'heartbeat' }).first().innerText(),
          /Succeeded/,
        );
        assert.equal(await page.getByTestId('launch-stage').innerText(), 'Pre-launch');
        await assertAccessible(page, '/admin', { strict: true });

        // Power panel: the kill switch, by pointer and then by keyboard.
        await page.getByRole('link', { name: 'Power panel' }).click();
        await page.getByRole('heading', { level: 1, name: 'Power panel' }).waitFor();
        const runsSwitch = page.getByRole('switch', { name: 'Workflow runs' });
        assert.equal(await runsSwitch.getAttribute('aria-checked'), 'true');
        assert.equal(await page.getByTestId('runs-state').innerText(), 'Runs enabled');
        await assertAccessible(page, '/admin/power', { strict: true });
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
        assert.match(
          await page.getByTestId('admin-audit-row').first().innerText(),
          /flag\.changed[\s\S]*workflows\.runs_enabled/,
        );

        await page.goto(`${base}/admin/power`);
        await page.getByRole('switch', { name: 'Workflow runs' }).focus();
        await page.keyboard.press('Space');
        await page.getByTestId('runs-state').filter({ hasText: 'Runs enabled' }).waitFor();

        // Guardian: a dry-run healing plan and upgrade plans rebuilt on demand.
        await page.getByRole('link', { name: 'Guardian' }).click();
        await page.getByTestId('health-score').waitFor();
        assert.match(await page.getByTestId('healing-mode').innerText(), /Nothing is applied automatically/);
        await page.getByRole('button', { name: 'Rebuild now' }).click();
        await page
          .getByTestId('rebuild-result')
          .filter({ hasText: /open\.$/ })
          .waitFor();
        await page.getByTestId('upgrade-plan').first().waitFor();
        await assertAccessible(page, '/admin/guardian', { strict: true });

        // Tenants: the operator's own workspace is found by email.
        await page.goto(`${base}/admin/tenants?q=ops%40levqor.test`);
        assert.equal(await page.getByTestId('tenant-row').count(), 1);
        await assertAccessible(page, '/admin/tenants', { strict: true });

        // Browser telemetry sent with sendBeacon as pages were left arrives in the logs.
        const logs = await (await page.request.get(`${base}/api/admin/logs?limit=200`)).json();
        assert.ok(
          logs.lines.some((line) => line.name === 'web.page_load'),
          'page-load telemetry from the browser is stored',
        );
      } finally {
        stop();
      }
    },
  },
];
