// Workflow journeys: create a workflow from JSON and run it to "succeeded"; gate a run on an approval and approve it
// from the inbox and from the emailed link; send a failing run to the failure queue and replay it. Every page is
// checked with axe-core (no serious or critical violations) and /workflows, /runs/[id] and /dashboard are captured
// at 390 px and 1440 px.
import assert from 'node:assert/strict';
import path from 'node:path';
import { api, assertAccessible, signUp, waitForRunStatus } from './helpers.mjs';

async function screenshots(page, screenshotDir, name) {
  for (const width of [390, 1440]) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: path.join(screenshotDir, `${name}-${width}.png`), fullPage: true });
  }
  await page.setViewportSize({ width: 1440, height: 900 });
}

/** Reloads a server-rendered list until it shows at least `count` matching rows (the runs finish in the background). */
async function waitForRows(page, locator, count, timeoutMs = 20_000) {
  const deadline = Date.now() + timeoutMs;
  while ((await locator.count()) < count) {
    if (Date.now() > deadline) throw new Error(`expected ${count} rows, saw ${await locator.count()}`);
    await page.waitForTimeout(500);
    await page.reload();
  }
}

const tab = (page, name) => page.getByRole('navigation', { name: 'Workflow sections' }).getByRole('link', { name });

const transformAndLog = {
  name: 'E2E greeting',
  trigger: { type: 'manual' },
  steps: [
    {
      id: 'shape',
      name: 'Shape the greeting',
      type: 'transform',
      config: { value: { greeting: 'Hello {{trigger.payload.who}}' } },
    },
    { id: 'note', name: 'Log it', type: 'log', config: { message: '{{steps.shape.output.greeting}}' } },
  ],
};

export const journeys = [
  {
    name: 'create a workflow from JSON, edit it, run it and see it succeed in the run timeline',
    async run({ page, screenshotDir }) {
      await signUp(page, { prefix: 'wf' });
      await page.goto('/workflows');
      await page.getByRole('button', { name: 'New workflow' }).click();
      await page.getByLabel('Paste a JSON definition').check();
      const broken = {
        ...transformAndLog,
        steps: [transformAndLog.steps[0], { id: 'note', type: 'log', config: { message: '{{steps.nope.output}}' } }],
      };
      await page.getByTestId('new-workflow-json').fill(JSON.stringify(broken));
      await page.getByRole('button', { name: 'Create workflow' }).click();
      const issue = page.getByTestId('validation-issue').first();
      await issue.waitFor();
      assert.match(await issue.innerText(), /steps\.1\.config[\s\S]*note[\s\S]*unknown step “nope”/);
      await assertAccessible(page, '/workflows with validation issues');

      await page.getByTestId('new-workflow-json').fill(JSON.stringify(transformAndLog, null, 2));
      await page.getByRole('button', { name: 'Create workflow' }).click();
      await page.waitForURL(/\/workflows\/[0-9a-f-]{36}$/);
      const workflowId = page.url().split('/').at(-1);
      // The visual editor opens first; the overview tab holds the version and the webhook URL.
      await page.goto(`/workflows/${workflowId}?tab=overview`);
      assert.equal(await page.getByTestId('workflow-title').innerText(), 'E2E greeting');
      assert.equal(await page.getByTestId('workflow-version').innerText(), 'v1');
      await assertAccessible(page, '/workflows/[id] overview');
      await page.screenshot({ path: path.join(screenshotDir, 'workflow-overview-1440.png'), fullPage: true });

      // JSON editor: save a new version, then a save from a stale copy is refused with a clear message.
      await tab(page, 'JSON editor').click();
      await page.getByTestId('definition-json').waitFor();
      await assertAccessible(page, '/workflows/[id] JSON editor');
      const editor = page.getByTestId('definition-json');
      await editor.fill((await editor.inputValue()).replace('"E2E greeting"', '"E2E greeting v2"'));
      await page.getByRole('button', { name: 'Save as new version' }).click();
      await page.getByTestId('editor-status').filter({ hasText: 'Saved as version 2.' }).waitFor();
      const behind = await api(page, 'PUT', `/api/workflows/${workflowId}`, {
        definition: { ...transformAndLog, name: 'E2E greeting' },
        expectedVersion: 2,
      });
      assert.equal(behind.status, 200);
      await editor.fill((await editor.inputValue()).replace('"E2E greeting v2"', '"Stale edit"'));
      await page.getByRole('button', { name: 'Save as new version' }).click();
      await page.getByTestId('editor-status').filter({ hasText: 'Someone saved a newer version' }).waitFor();
      await editor.fill('{ "name": ');
      await page.getByRole('button', { name: 'Validate' }).click();
      await page.getByTestId('editor-status').filter({ hasText: 'This is not valid JSON' }).waitFor();

      // Versions: diff v1 against the current version, restore v2.
      await tab(page, 'Versions').click();
      await page.getByTestId('version-row').nth(2).waitFor();
      await page.getByRole('button', { name: 'Compare v2 with current' }).click();
      const diff = page.getByTestId('version-diff');
      await diff.waitFor();
      assert.match(await diff.locator('[data-kind="remove"]').first().innerText(), /E2E greeting v2/);
      assert.match(await diff.locator('[data-kind="add"]').first().innerText(), /"E2E greeting"/);
      await assertAccessible(page, '/workflows/[id] versions');
      await page.screenshot({ path: path.join(screenshotDir, 'workflow-versions-1440.png'), fullPage: true });
      page.once('dialog', (dialog) => dialog.accept());
      await page.getByRole('button', { name: 'Restore v2' }).click();
      await page.getByText('Version 2 restored as version 4.').waitFor();

      // Backups tab with the retention preview.
      await tab(page, 'Backups').click();
      await page.getByRole('button', { name: 'Preview' }).waitFor();
      await page.getByLabel('Keep last').fill('3');
      await page.getByRole('button', { name: 'Preview' }).click();
      await page.getByText('Preview ready').waitFor();
      await page.getByRole('button', { name: 'Save policy' }).click();
      await page.getByText('Policy saved.').waitFor();
      await assertAccessible(page, '/workflows/[id] backups');

      // Test run with a payload → the run timeline shows every step succeeded.
      await tab(page, 'Overview').click();
      await page.getByLabel('Payload (optional JSON)').fill('{ "who": "Levqor" }');
      await page.getByRole('button', { name: 'Start test run' }).click();
      await page.waitForURL(/\/runs\/[0-9a-f-]{36}$/);
      await waitForRunStatus(page, 'succeeded');
      await page.locator('[data-testid="timeline-step"][data-step="note"][data-status="succeeded"]').waitFor();
      assert.match(await page.locator('[data-testid="timeline-step"][data-step="shape"]').innerText(), /Hello Levqor/);
      assert.equal(await page.locator('[data-testid="step-attempt"][data-status="succeeded"]').count(), 2);
      await assertAccessible(page, '/runs/[id]');
      await screenshots(page, screenshotDir, 'run');

      // The list: search, filter, disable.
      await page.goto('/workflows?q=greeting');
      const row = page.getByTestId('workflow-row').filter({ hasText: 'E2E greeting' });
      await row.waitFor();
      await row.getByRole('switch').click();
      await row.getByRole('switch', { checked: false }).waitFor();
      await page.goto('/workflows?enabled=true');
      await page.getByText('No workflow matches these filters.').waitFor();
      await page.goto('/workflows');
      await assertAccessible(page, '/workflows');
      await screenshots(page, screenshotDir, 'workflows');

      await page.goto(`/runs?status=succeeded&workflowId=${workflowId}`);
      assert.equal(await page.getByTestId('run-row').count(), 1);
      await page.goto('/runs?status=failed');
      await page.getByText('No run matches these filters.').waitFor();
      await assertAccessible(page, '/runs');

      // Arabic, right to left (last: visiting a locale remembers it for the next visits).
      await page.goto('/ar/workflows');
      assert.equal(await page.locator('html').getAttribute('dir'), 'rtl');
      assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), 'مسارات العمل');
      await page.getByRole('link', { name: 'قائمة الإخفاقات' }).waitFor();
      await assertAccessible(page, '/ar/workflows');
    },
  },
  {
    name: 'a run waits for approval, is approved in the inbox and from the emailed link, and completes',
    async run({ page, context, baseUrl }) {
      const { email } = await signUp(page, { prefix: 'approver' });
      await page.goto('/workflows');
      const created = await api(page, 'POST', '/api/workflows', {
        name: 'E2E gated payout',
        trigger: { type: 'manual' },
        steps: [
          { id: 'gate', name: 'Check the payout', type: 'approval', config: { message: 'Pay the supplier?' } },
          { id: 'done', type: 'log', config: { message: 'Paid' } },
        ],
      });
      assert.equal(created.status, 201);
      await page.reload();
      await page
        .getByTestId('workflow-row')
        .filter({ hasText: 'E2E gated payout' })
        .getByRole('button', { name: 'Run now' })
        .click();
      await page.waitForURL(/\/runs\/[0-9a-f-]{36}$/);
      const runUrl = page.url();
      await page
        .locator('[data-testid="timeline-step"][data-step="gate"][data-status="waiting"]')
        .waitFor({ timeout: 30_000 });
      await page.getByTestId('step-approval').filter({ hasText: 'Approval pending' }).waitFor();

      await page.goto('/approvals');
      assert.equal(await page.getByTestId('approvals-waiting').innerText(), '1 approval waiting');
      const card = page
        .locator('[data-testid="approval-card"][data-status="pending"]')
        .filter({ hasText: 'Pay the supplier?' });
      await card.getByLabel('Comment (optional)').fill('Checked the invoice');
      await assertAccessible(page, '/approvals');
      await card.getByRole('button', { name: 'Approve' }).click();
      await page
        .locator('[data-testid="approval-card"][data-status="approved"]')
        .filter({ hasText: 'Checked the invoice' })
        .waitFor();
      await page.goto(runUrl);
      await waitForRunStatus(page, 'succeeded');
      assert.match(await page.getByTestId('step-approval').innerText(), /Approved[\s\S]*Checked the invoice/);

      // The emailed link decides without a session (a fresh browser context has no cookies).
      await page.goto('/workflows');
      await page
        .getByTestId('workflow-row')
        .filter({ hasText: 'E2E gated payout' })
        .getByRole('button', { name: 'Run now' })
        .click();
      await page.waitForURL(/\/runs\/[0-9a-f-]{36}$/);
      const secondRunUrl = page.url();
      await page
        .locator('[data-testid="timeline-step"][data-step="gate"][data-status="waiting"]')
        .waitFor({ timeout: 30_000 });
      await page.goto('/dev/mailbox');
      const mails = page
        .getByTestId('mailbox-email')
        .filter({ hasText: `To: ${email}` })
        .filter({ hasText: 'Approval needed: E2E gated payout' });
      assert.equal(await mails.count(), 2);
      const link = await mails.first().locator('a[href*="/approvals/"]').getAttribute('href');
      assert.match(link, /\/approvals\/[0-9a-f-]{36}\?token=/);

      const stranger = await context.browser().newContext({ baseURL: baseUrl });
      try {
        const linkPage = await stranger.newPage();
        await linkPage.goto(link);
        assert.equal(
          new URL(linkPage.url()).pathname,
          new URL(link).pathname,
          'the signed link is not sent to sign-in',
        );
        assert.equal(await linkPage.locator('meta[name="robots"]').getAttribute('content'), 'noindex, nofollow');
        await assertAccessible(linkPage, '/approvals/[id]?token');
        await linkPage.getByRole('button', { name: 'Approve' }).click();
        await linkPage.locator('[data-testid="approval-card"][data-status="approved"]').waitFor();
        await linkPage.goto(link.replace(/token=[^&]+/, 'token=forged-token-forged-token-forged'));
        await linkPage.getByText('This approval link is not valid.').waitFor();
      } finally {
        await stranger.close();
      }
      await page.goto(secondRunUrl);
      await waitForRunStatus(page, 'succeeded');
      assert.match(await page.getByTestId('step-approval').innerText(), /Approved/);
    },
  },
  {
    name: 'a non-retryable failure lands in the failure queue and is replayed; the dashboard counts it',
    async run({ page, screenshotDir }) {
      await signUp(page, { prefix: 'failures' });
      await page.goto('/workflows');
      const created = await api(page, 'POST', '/api/workflows', {
        name: 'E2E too long a wait',
        trigger: { type: 'manual' },
        steps: [
          { id: 'wait', type: 'delay', config: { days: 40 } },
          { id: 'after', type: 'log', config: { message: 'never' } },
        ],
      });
      assert.equal(created.status, 201);
      const backup = await api(page, 'POST', '/api/workflows', {
        name: 'E2E nightly backup',
        trigger: { type: 'manual' },
        steps: [
          { id: 'data', type: 'transform', config: { value: { orders: [1042, 1043] } } },
          {
            id: 'store',
            type: 'backup',
            config: { name: 'Orders', format: 'json', data: '{{steps.data.output}}', source: 'e2e' },
          },
        ],
      });
      assert.equal(backup.status, 201);
      const backupRun = await api(page, 'POST', `/api/workflows/${backup.body.id}/runs`, { payload: {} });
      assert.equal(backupRun.status, 202);

      for (let i = 0; i < 2; i++) {
        const started = await api(page, 'POST', `/api/workflows/${created.body.id}/runs`, { payload: {} });
        assert.equal(started.status, 202);
      }
      await page.reload();
      await page
        .getByTestId('workflow-row')
        .filter({ hasText: 'E2E too long a wait' })
        .getByRole('button', { name: 'Run now' })
        .click();
      await page.waitForURL(/\/runs\/[0-9a-f-]{36}$/);
      await waitForRunStatus(page, 'failed');
      assert.match(await page.getByTestId('run-error').innerText(), /delay_too_long[\s\S]*30 days/);
      await page.locator('[data-testid="timeline-step"][data-step="after"][data-status="notRun"]').waitFor();
      await assertAccessible(page, '/runs/[id] failed');

      await page.goto('/failure-queue');
      const failed = page.getByTestId('failed-run').filter({ hasText: 'delay_too_long' });
      await waitForRows(page, failed, 3);
      assert.match(await failed.first().innerText(), /Step wait/);
      await assertAccessible(page, '/failure-queue');
      await failed.first().getByRole('button', { name: 'Replay' }).click();
      await page.getByTestId('replay-summary').filter({ hasText: 'Replayed: 1. Refused: 0.' }).waitFor();
      await page.reload();
      await waitForRows(page, failed, 3);
      await page.getByLabel('Select all').check();
      await page.getByRole('button', { name: /Replay selected/ }).click();
      await page.getByTestId('replay-summary').filter({ hasText: 'Replayed: 3. Refused: 0.' }).waitFor();

      await page.goto('/backups');
      const snapshot = page.getByTestId('snapshot-row').filter({ hasText: 'Orders' });
      await snapshot.waitFor();
      assert.match(await snapshot.innerText(), /E2E nightly backup[\s\S]*[0-9a-f]{12}…/);
      const download = await page.evaluate(
        async (href) => (await fetch(href)).text(),
        await snapshot.getByRole('link', { name: /Download/ }).getAttribute('href'),
      );
      assert.deepEqual(JSON.parse(download), { orders: [1042, 1043] });
      await snapshot.getByRole('button', { name: /Restore/ }).click();
      await snapshot.getByLabel('Send to URL').fill('http://127.0.0.1:9/restore');
      await snapshot.getByRole('button', { name: 'Restore', exact: true }).click();
      await snapshot.getByText(/refused|private|not allowed|blocked/i).waitFor();
      await assertAccessible(page, '/backups');

      // The replayed runs fail again at once (the delay is still too long) and are back in the queue.
      await page.goto('/dashboard');
      await page
        .getByTestId('stat-failures')
        .filter({ hasText: /^[1-9]/ })
        .waitFor();
      assert.match(await page.getByTestId('stat-runs-today').innerText(), /^[4-9]$/);
      await page.getByTestId('runs-per-day-chart').waitFor();
      const canvas = page.getByTestId('living-canvas');
      await canvas
        .and(page.locator('[data-state="error"], [data-state="success"], [data-state="working"]'))
        .waitFor({ timeout: 30_000 });
      assert.equal(await canvas.getAttribute('data-motion'), 'animated');
      await assertAccessible(page, '/dashboard');
      await screenshots(page, screenshotDir, 'dashboard');

      await page.emulateMedia({ reducedMotion: 'reduce' });
      await page.reload();
      await page.locator('[data-testid="living-canvas"][data-motion="still"]').waitFor();
    },
  },
];
