// Visual editor journey: open a workflow (the editor is the default tab), add an http_request step from the palette, see
// the validator's errors on its URL field (missing, then a loopback address), fix it, add a step by dragging from the
// palette and delete it, reorder by drag and drop and with the keyboard buttons, save, reload and see it all persisted;
// a save from a stale copy is refused with a clear message; a test run links to its timeline. axe-core checks the page.
import assert from 'node:assert/strict';
import path from 'node:path';
import { api, assertAccessible, signUp } from './helpers.mjs';

const order = (page) => page.getByTestId('step-card').evaluateAll((cards) => cards.map((card) => card.dataset.stepId));
/** The cards in this order, once React has rendered the change (a drop or a move is applied a frame later). */
async function expectOrder(page, expected) {
  await page
    .waitForFunction(
      (ids) =>
        JSON.stringify([...document.querySelectorAll('[data-testid="step-card"]')].map((c) => c.dataset.stepId)) ===
        JSON.stringify(ids),
      expected,
      { timeout: 5_000 },
    )
    .catch(() => {});
  assert.deepEqual(await order(page), expected);
}
const card = (page, id) => page.locator(`[data-testid="step-card"][data-step-id="${id}"]`);
/** Native drag and drop with mouse moves: start the drag beside the source, then scroll to the target and drop on it. */
async function dragTo(page, source, target) {
  await source.scrollIntoViewIfNeeded();
  const from = await source.boundingBox();
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
  await page.mouse.down();
  await page.mouse.move(from.x + from.width / 2 + 10, from.y + from.height / 2 + 10, { steps: 3 });
  await target.scrollIntoViewIfNeeded();
  const to = await target.boundingBox();
  await page.mouse.move(to.x + to.width / 2, to.y + Math.min(to.height / 2, 40), { steps: 12 });
  // NOTE: dnd-kit moves the card under the pointer aside once it has seen the drag reach it; release only then, since
  // a loaded machine can deliver the release before React has rendered the move.
  const shifted = await target.elementHandle();
  await page
    .waitForFunction((card) => /translate3d\([^)]*[1-9]/.test(card.style.transform), shifted, { timeout: 5_000 })
    .catch(() => {});
  await page.mouse.up();
}

const summary = (page, text) => page.getByTestId('validation-summary').filter({ hasText: text }).waitFor();

export const journeys = [
  {
    name: 'build a workflow in the visual editor: add, validate inline, reorder by drag and keyboard, save and reload',
    async run({ page, screenshotDir }) {
      await signUp(page, { prefix: 'editor' });
      await page.goto('/workflows');
      const created = await api(page, 'POST', '/api/workflows', {
        name: 'E2E visual editor',
        trigger: { type: 'manual' },
        steps: [
          { id: 'start', name: 'Say hello', type: 'log', config: { message: 'Starting' } },
          { id: 'finish', type: 'log', config: { message: 'Done', level: 'info' } },
        ],
      });
      assert.equal(created.status, 201);
      const workflowId = created.body.id;
      await page.goto(`/workflows/${workflowId}`);
      await page
        .getByRole('navigation', { name: 'Workflow sections' })
        .getByRole('link', { name: 'Visual editor', exact: true })
        .and(page.locator('[aria-current="page"]'))
        .waitFor();
      await summary(page, 'No problems found.');
      await expectOrder(page, ['start', 'finish']);

      // Add an http_request step by clicking the palette: its missing URL is reported on the URL field.
      await page
        .getByRole('region', { name: 'Add step' })
        .getByRole('button', { name: 'HTTP request', exact: true })
        .click();
      const http = card(page, 'http_request');
      await http.waitFor();
      await expectOrder(page, ['start', 'finish', 'http_request']);
      const url = http.getByLabel('URL');
      await http.getByTestId('field-error').first().waitFor();
      assert.equal(await url.getAttribute('aria-invalid'), 'true');
      const describedBy = await url.getAttribute('aria-describedby');
      assert.ok(describedBy, 'the URL field points at its error');
      assert.match(await page.locator(`[id="${describedBy.split(' ')[0]}"]`).innerText(), /URL is required/);
      await summary(page, '1 problem to fix');

      await url.fill('http://127.0.0.1/');
      await http
        .getByTestId('field-error')
        .filter({ hasText: 'Levqor does not call private or internal addresses' })
        .waitFor();
      await assertAccessible(page, '/workflows/[id] visual editor with an error');
      await page.screenshot({ path: path.join(screenshotDir, 'visual-editor-error-1440.png'), fullPage: true });

      await url.fill('https://shop.acme-orders.io/api/orders');
      await summary(page, 'No problems found.');
      assert.equal(await http.getByTestId('field-error').count(), 0);
      assert.equal(await url.getAttribute('aria-invalid'), 'false');

      // Drag a Delay from the palette onto "finish" (inserted before it), then delete it.
      await page.dragAndDrop(
        '[data-testid="palette-item"][data-type="delay"]',
        '[data-testid="step-card"][data-step-id="finish"]',
      );
      await card(page, 'delay').waitFor();
      await expectOrder(page, ['start', 'delay', 'finish', 'http_request']);
      await page.getByRole('button', { name: 'Delete step delay' }).click();
      await card(page, 'delay').waitFor({ state: 'detached' });

      // Reorder: drag http_request's handle onto the first card, then move "finish" up with the keyboard.
      await dragTo(page, card(page, 'http_request').getByTestId('step-drag-handle'), card(page, 'start'));
      await expectOrder(page, ['http_request', 'start', 'finish']);
      // NOTE: @dnd-kit swallows clicks for a moment after a pointer drop; a person never clicks that fast.
      await page.waitForTimeout(300);
      await page.getByRole('button', { name: 'Move step finish up' }).focus();
      await page.keyboard.press('Enter');
      await expectOrder(page, ['http_request', 'finish', 'start']);
      assert.match(
        await page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? ''),
        /Move step finish (up|down)/,
        'focus stays on the moved step',
      );
      await page.getByTestId('editor-announcement').filter({ hasText: 'Step finish moved to position 2.' }).waitFor();
      assert.match(await card(page, 'http_request').getByTestId('step-targets').innerText(), /Next → finish/);
      await summary(page, 'No problems found.');

      await page.getByRole('button', { name: 'Save as new version' }).click();
      await page.getByTestId('visual-editor-status').filter({ hasText: 'Saved as version 2.' }).waitFor();

      await page.reload();
      await summary(page, 'No problems found.');
      await expectOrder(page, ['http_request', 'finish', 'start']);
      assert.equal(
        await card(page, 'http_request').getByLabel('URL').inputValue(),
        'https://shop.acme-orders.io/api/orders',
      );
      await assertAccessible(page, '/workflows/[id] visual editor');

      // A save from a stale copy is refused with a clear message.
      const definition = (await api(page, 'GET', `/api/workflows/${workflowId}`)).body.definition;
      assert.equal(
        (
          await api(page, 'PUT', `/api/workflows/${workflowId}`, {
            definition: { ...definition, name: 'Renamed elsewhere' },
            expectedVersion: 2,
          })
        ).status,
        200,
      );
      await page.getByLabel('Workflow name').fill('E2E visual editor, edited');
      await page.getByRole('button', { name: 'Save as new version' }).click();
      await page.getByTestId('visual-editor-status').filter({ hasText: 'Someone saved a newer version' }).waitFor();
      await page.getByRole('button', { name: 'Load the latest version' }).click();
      await page.getByTestId('visual-editor-status').filter({ hasText: 'Loaded version 3.' }).waitFor();
      assert.equal(await page.getByLabel('Workflow name').inputValue(), 'Renamed elsewhere');

      // Test run: starts the saved version and links to its timeline.
      await page.getByRole('button', { name: 'Test run' }).click();
      await page.getByTestId('test-run-link').click();
      await page.waitForURL(/\/runs\/[0-9a-f-]{36}$/);
    },
  },
];
