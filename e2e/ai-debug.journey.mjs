// The debug assistant with no model key (the built-in rules answer, and say so): a workflow whose HTTP step meets a
// receiver answering 503 fails → "Explain this failure" says what failed, why and what to do, and proposes a stronger
// retry policy as a diff → applying it after the workflow moved on is refused with "explain again" → explain again,
// apply → "Run again" starts a run on the fixed version, which rides out one more 503 and succeeds. At 1440 and
// 390 px, axe-core on each state. The receiver listens on 127.0.0.2, which the runner allow-lists.
// Then once more on /ar at 390 px: right to left, within the phone's width, axe-core clean.
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import path from 'node:path';
import { api, assertAccessible, assertNoHorizontalScroll, readMessages, signUp, waitForRunStatus } from './helpers.mjs';

/** A local service that answers 503 while `failuresLeft` > 0 (counting down), then 200. */
async function startReceiver() {
  const state = { failuresLeft: Infinity, answers: [] };
  const server = createServer((request, response) => {
    const status = state.failuresLeft > 0 ? 503 : 200;
    if (status === 503) state.failuresLeft -= 1;
    state.answers.push(status);
    response.writeHead(status, { 'content-type': 'application/json' });
    response.end(JSON.stringify(status === 200 ? { ok: true } : { error: 'temporarily unavailable' }));
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.2', resolve));
  return { state, url: `http://127.0.0.2:${server.address().port}/orders/sync`, close: () => server.close() };
}

export const journeys = [
  {
    name: 'a run that failed on a 503: explain it, apply the retry fix (409 → explain again), run again, it succeeds',
    async run({ page, screenshotDir }) {
      const m = await readMessages('en');
      const d = m.ai.debugAssistant;
      const receiver = await startReceiver();
      try {
        await page.setViewportSize({ width: 1440, height: 900 });
        await signUp(page, { prefix: 'debug-ui' });
        const created = await api(page, 'POST', '/api/workflows', {
          name: 'E2E order sync',
          trigger: { type: 'manual' },
          settings: { retry: { maxAttempts: 1, initialDelayMs: 100, maxDelayMs: 1_000 } },
          steps: [{ id: 'sync', name: 'Sync orders', type: 'http_request', config: { url: receiver.url } }],
        });
        assert.equal(created.status, 201, JSON.stringify(created.body));
        const workflowId = created.body.id;
        const started = await api(page, 'POST', `/api/workflows/${workflowId}/runs`, { payload: { day: 'monday' } });
        assert.equal(started.status, 202, JSON.stringify(started.body));
        await page.goto(`/runs/${started.body.id}`);
        await waitForRunStatus(page, 'failed');
        assert.deepEqual(receiver.state.answers, [503]);

        const panel = page.getByTestId('debug-assistant');
        await panel.getByRole('heading', { name: d.title }).waitFor();
        await assertAccessible(page, '/runs/[id] failed, with the debug assistant');
        await page.getByRole('button', { name: d.explain }).click();
        await page.getByTestId('debug-answer').waitFor({ timeout: 30_000 });
        assert.equal(await page.getByTestId('debug-source').getAttribute('data-source'), 'fallback');
        assert.ok((await page.getByTestId('debug-source').innerText()).includes(d.sourceFallback));
        for (const part of ['debug-what', 'debug-why', 'debug-todo'])
          assert.ok((await page.getByTestId(part).innerText()).trim().length > 5, `${part} says something`);
        const changes = await page.getByTestId('debug-change').allInnerTexts();
        const attempts = changes.find((text) => text.includes('settings.retry.maxAttempts'));
        assert.ok(attempts, `the fix raises the retry attempts: ${changes.join(' | ')}`);
        assert.match(attempts, new RegExp(`${d.fix.before}\\s*1\\s*→\\s*${d.fix.after}\\s*([2-9]|10)$`));
        await assertAccessible(page, '/runs/[id] with the explanation and the fix');
        await page.screenshot({ path: path.join(screenshotDir, 'ai-debug-fix-1440.png'), fullPage: true });

        // Someone saves the workflow meanwhile: applying the fix is refused, and explaining again gives a fresh one.
        const current = await api(page, 'GET', `/api/workflows/${workflowId}`);
        const bumped = await api(page, 'PUT', `/api/workflows/${workflowId}`, {
          definition: { ...current.body.definition, description: 'Keeps the order system in sync' },
          expectedVersion: current.body.currentVersion,
        });
        assert.equal(bumped.status, 200, JSON.stringify(bumped.body));
        await page.getByTestId('debug-apply').click();
        await page.getByTestId('debug-fix-status').filter({ hasText: d.fix.stale }).waitFor();
        await page.getByTestId('debug-explain-again').click();
        await page
          .getByTestId('debug-fix')
          .filter({ hasText: d.fix.newVersion.replace('{version}', '2') })
          .waitFor();

        await page.setViewportSize({ width: 390, height: 844 });
        await assertNoHorizontalScroll(page);
        await assertAccessible(page, '/runs/[id] with the fix at 390 px');
        await page.screenshot({ path: path.join(screenshotDir, 'ai-debug-fix-390.png'), fullPage: true });
        await page.getByTestId('debug-apply').click();
        await page
          .getByTestId('debug-fix-status')
          .filter({ hasText: d.fix.applied.replace('{version}', '3').split('.')[0] })
          .waitFor();
        const saved = await api(page, 'GET', `/api/workflows/${workflowId}`);
        assert.equal(saved.body.currentVersion, 3);
        assert.ok(saved.body.definition.settings.retry.maxAttempts > 1);

        // The service is still flaky once more: the stronger retry rides it out.
        receiver.state.failuresLeft = 1;
        await page.getByTestId('debug-run-again').click();
        await page.waitForURL(
          (url) => /\/runs\/[0-9a-f-]{36}$/.test(url.pathname) && !url.pathname.endsWith(started.body.id),
        );
        await waitForRunStatus(page, 'succeeded');
        assert.deepEqual(receiver.state.answers, [503, 503, 200]);
        assert.equal(
          await page.getByTestId('debug-assistant').count(),
          0,
          'no debug assistant on a run that succeeded',
        );
        await assertNoHorizontalScroll(page);

        // Right to left: the failed run explained on /ar at 390 px.
        const ar = (await readMessages('ar')).ai.debugAssistant;
        await page.setViewportSize({ width: 390, height: 844 });
        await page.goto(`/ar/runs/${started.body.id}`);
        assert.equal(await page.locator('html').getAttribute('dir'), 'rtl');
        await page.getByRole('button', { name: ar.explain }).click();
        await page.getByTestId('debug-answer').waitFor({ timeout: 30_000 });
        assert.ok((await page.getByTestId('debug-source').innerText()).includes(ar.sourceFallback));
        await assertNoHorizontalScroll(page);
        await assertAccessible(page, '/ar/runs/[id] with the explanation at 390 px');
      } finally {
        receiver.close();
      }
    },
  },
];
