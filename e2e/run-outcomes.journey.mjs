// Run outcomes from the UI: a run rejected from the approvals inbox (focus moves to something sensible, never <body>)
// shows "Rejected by …" and leaves the dashboard's success rate alone; a cancelled run shows "Cancelled by …"; a
// failing run shows Failed; the runs list picks up a run started while it is open, without a reload; at 390 px /runs
// does not scroll sideways. axe on every page visited, at 1440 and 390 px.
import assert from 'node:assert/strict';
import { api, assertAccessible, readMessages, signUp, waitForRunStatus } from './helpers.mjs';

async function createWorkflow(page, name, steps) {
  const created = await api(page, 'POST', '/api/workflows', { name, trigger: { type: 'manual' }, steps });
  assert.equal(created.status, 201, JSON.stringify(created.body));
  return created.body.id;
}

async function startRun(page, workflowId) {
  const started = await api(page, 'POST', `/api/workflows/${workflowId}/runs`, { payload: {} });
  assert.equal(started.status, 202, JSON.stringify(started.body));
  return started.body.runId ?? started.body.id;
}

const focusedTestId = (page) =>
  page.evaluate(() =>
    document.activeElement === document.body
      ? 'body'
      : (document.activeElement?.getAttribute('data-testid') ?? 'other'),
  );

export const journeys = [
  {
    name: 'rejected, cancelled and failed runs say what happened; the runs list updates live; /runs fits at 390 px',
    async run({ page }) {
      const m = await readMessages('en');
      await page.setViewportSize({ width: 1440, height: 900 });
      await signUp(page, { prefix: 'outcomes' });
      const quick = await createWorkflow(page, 'E2E quick note', [
        { id: 'note', type: 'log', config: { message: 'hi' } },
      ]);
      const refund = await createWorkflow(page, 'E2E refund', [
        { id: 'ask', type: 'approval', config: { message: 'Refund the order?' } },
        { id: 'done', type: 'log', config: { message: 'refunded' } },
      ]);
      const tooLong = await createWorkflow(page, 'E2E too long', [{ id: 'wait', type: 'delay', config: { days: 40 } }]);

      // One success, so the success rate is 100 % before anything is rejected.
      const ok = await startRun(page, quick);
      await page.goto(`/runs/${ok}`);
      await waitForRunStatus(page, 'succeeded');

      // Reject from the inbox: focus lands on the status message (nothing else waits), never on <body>.
      const rejected = await startRun(page, refund);
      await page.goto('/approvals');
      const card = page.locator('[data-testid="approval-card"][data-status="pending"]');
      await card.waitFor({ timeout: 20_000 });
      await assertAccessible(page, '/approvals');
      await card.getByRole('button', { name: m.approvals.decision.reject }).click();
      await page.locator('[data-testid="approval-card"][data-status="rejected"]').waitFor();
      await page.waitForFunction(() => document.activeElement?.getAttribute('data-testid') === 'approvals-live-status');
      assert.equal(await focusedTestId(page), 'approvals-live-status');
      assert.equal(await page.getByTestId('approvals-live-status').innerText(), m.approvals.live.noneLeft);

      await page.goto(`/runs/${rejected}`);
      await waitForRunStatus(page, 'rejected');
      const rejection = await page.getByTestId('run-outcome').innerText();
      assert.match(rejection, /Rejected by .+ at /);
      assert.ok(!rejection.includes('Levqor') && !rejection.includes(m.runs.outcome.someone), rejection);
      assert.equal(await page.getByTestId('run-error').count(), 0, 'a rejection is not shown as a failure');
      assert.match(await page.getByTestId('step-wait').first().innerText(), /^Waited .+ for approval$/);
      await assertAccessible(page, '/runs/[id] rejected');

      await page.goto('/dashboard');
      assert.equal(await page.getByTestId('stat-success-rate').innerText(), '100%');

      // Cancelled by a person, through the API, while it waits.
      const cancelled = await startRun(page, refund);
      await page.goto(`/runs/${cancelled}`);
      await waitForRunStatus(page, 'running');
      assert.equal((await api(page, 'POST', `/api/runs/${cancelled}/cancel`)).status, 200);
      await waitForRunStatus(page, 'cancelled');
      const cancel = await page.getByTestId('run-outcome').innerText();
      assert.ok(cancel.startsWith('Cancelled by ') && !cancel.includes('Levqor'), cancel);
      await page.goto('/approvals');
      const closed = page.locator('[data-testid="approval-card"][data-status="cancelled"]');
      await closed.waitFor();
      assert.doesNotMatch(await closed.innerText(), /Decided by/);

      const failed = await startRun(page, tooLong);
      await page.goto(`/runs/${failed}`);
      await waitForRunStatus(page, 'failed');
      await page.getByTestId('run-error').waitFor();

      // The list stays open; a run started from the page appears without a reload.
      await page.goto('/runs');
      await page.locator(`[data-testid="run-row"][data-run-id="${failed}"][data-status="failed"]`).waitFor();
      await page.locator(`[data-testid="run-row"][data-run-id="${rejected}"][data-status="rejected"]`).waitFor();
      await assertAccessible(page, '/runs');
      const marker = await page.evaluate(() => (window.__sameDocument = true));
      const live = await startRun(page, quick);
      await page.locator(`[data-testid="run-row"][data-run-id="${live}"]`).waitFor({ timeout: 15_000 });
      assert.equal(await page.evaluate(() => window.__sameDocument), marker, 'the page did not reload');
      await page
        .getByTestId('runs-live-status')
        .filter({ hasText: /new run/ })
        .waitFor();

      await page.goto('/runs?status=rejected');
      assert.equal(await page.getByTestId('run-row').count(), 1);
      await page.goto('/failure-queue');
      await page.getByTestId('failed-run').first().waitFor();
      assert.equal(await page.getByTestId('failed-run').count(), 1, 'only the real failure is in the queue');
      await assertAccessible(page, '/failure-queue');

      await page.setViewportSize({ width: 390, height: 844 });
      for (const path of ['/runs', '/approvals', '/failure-queue', `/runs/${rejected}`]) {
        await page.goto(path);
        await page.locator('h1').first().waitFor();
        const width = await page.evaluate(() => document.documentElement.scrollWidth);
        assert.ok(width <= 390, `${path} is ${width}px wide at 390 px`);
        await assertAccessible(page, `${path} at 390 px`);
      }
    },
  },
];
