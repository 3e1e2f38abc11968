// The editor never loses work: an edit in the visual editor survives a reload (restored with a notice), carries over to
// the JSON editor, a sidebar link asks before leaving (stay keeps the page), the test run runs what is on screen
// (the run page says it is a test run of unsaved changes and shows the draft's extra step), saving clears the draft;
// a step is reordered with the keyboard (Space, arrow, Space). At 1440 and 390 px, with axe-core on each state.
import assert from 'node:assert/strict';
import {
  api,
  assertAccessible,
  assertNoHorizontalScroll,
  fillExactly,
  readMessages,
  signUp,
  waitForRunStatus,
} from './helpers.mjs';

const order = (page) => page.getByTestId('step-card').evaluateAll((cards) => cards.map((card) => card.dataset.stepId));
const card = (page, id) => page.locator(`[data-testid="step-card"][data-step-id="${id}"]`);
const storedDraft = (page) =>
  page.evaluate(() => Object.keys(localStorage).find((key) => key.startsWith('levqor:draft:')) ?? null);
const waitForDraft = (page, present) =>
  page.waitForFunction(
    (present) => Object.keys(localStorage).some((key) => key.startsWith('levqor:draft:')) === present,
    present,
  );
/** A reload with unsaved changes: the browser asks first (beforeunload); the journey says leave. */
async function reloadDirty(page) {
  page.once('dialog', (dialog) => void dialog.accept());
  await page.reload();
}

export const journeys = [
  {
    name: 'editor drafts: survive reload and tab switches, guard leaving, test-run the draft, clear on save; keyboard reorder',
    async run({ page }) {
      const m = (await readMessages('en')).workflows;
      await signUp(page, { prefix: 'drafts' });
      await page.goto('/workflows');
      const created = await api(page, 'POST', '/api/workflows', {
        name: 'E2E drafts',
        trigger: { type: 'manual' },
        steps: [
          { id: 'start', type: 'log', config: { message: 'Starting' } },
          { id: 'finish', type: 'log', config: { message: 'Done' } },
        ],
      });
      assert.equal(created.status, 201);
      const workflowId = created.body.id;
      const sections = page.getByRole('navigation', { name: m.tabs.label });

      // Edit a step in the visual editor, reload: the draft is restored with a notice.
      await page.goto(`/workflows/${workflowId}`);
      await page.getByTestId('test-run-hint').filter({ hasText: 'saved version v1' }).waitFor();
      await fillExactly(card(page, 'start').getByLabel('Message'), 'Draft hello');
      await page.waitForFunction(() =>
        Object.entries(localStorage).some(
          ([key, value]) => key.startsWith('levqor:draft:') && value.includes('"Draft hello"'),
        ),
      );
      await reloadDirty(page);
      await page.getByTestId('draft-notice').waitFor();
      assert.equal(await card(page, 'start').getByLabel('Message').inputValue(), 'Draft hello');
      await assertAccessible(page, '/workflows/[id] with a restored draft', { strict: true });

      // The JSON editor shows the same draft; add a step there.
      await sections.getByRole('link', { name: m.tabs.definition, exact: true }).click();
      const json = page.getByTestId('definition-json');
      await page.waitForFunction(
        () => document.querySelector('[data-testid="definition-json"]')?.value.includes('Draft hello') ?? false,
      );
      const definition = JSON.parse(await json.inputValue());
      definition.steps.push({ id: 'extra', type: 'log', config: { message: 'Only in the draft' } });
      await json.fill(JSON.stringify(definition, null, 2));
      await page.getByTestId('json-unsaved').waitFor();

      // A sidebar link asks before leaving; "Stay" keeps the page and the edits.
      await page
        .getByRole('navigation', { name: 'Workspace navigation' })
        .getByRole('link', { name: 'Runs', exact: true })
        .click();
      const leave = page.getByTestId('leave-dialog');
      await leave.getByText(m.draft.leave.body).waitFor();
      await assertAccessible(page, '/workflows/[id] leave dialog', { strict: true });
      await leave.getByRole('button', { name: m.draft.leave.stay }).click();
      await leave.waitFor({ state: 'detached' });
      assert.match(page.url(), new RegExp(`/workflows/${workflowId}\\?tab=definition$`));
      assert.match(await json.inputValue(), /Only in the draft/);

      // Back in the visual editor the draft (with its new step) is on screen; reorder it with the keyboard.
      await sections.getByRole('link', { name: m.tabs.visual, exact: true }).click();
      await card(page, 'extra').waitFor();
      assert.deepEqual(await order(page), ['start', 'finish', 'extra']);
      await card(page, 'extra').getByTestId('step-drag-handle').focus();
      await page.keyboard.press('Space');
      await page.waitForTimeout(150);
      await page.keyboard.press('ArrowUp');
      await page.waitForTimeout(300);
      await page.keyboard.press('Space');
      await page.waitForFunction(
        () =>
          [...document.querySelectorAll('[data-testid="step-card"]')].map((card) => card.dataset.stepId).join() ===
          'start,extra,finish',
      );
      await page.waitForFunction(
        (label) => document.activeElement?.getAttribute('aria-label') === label,
        m.editor.reorderHandle.replace('{id}', 'extra'),
      );

      // The test run runs what is on screen.
      await page.getByRole('button', { name: m.draft.testRunDraft }).click();
      await page.getByTestId('test-run-link').click();
      await page.waitForURL(/\/runs\/[0-9a-f-]{36}$/);
      await page.getByTestId('run-draft').filter({ hasText: m.draft.runBadge }).waitFor();
      await waitForRunStatus(page, 'succeeded');
      assert.deepEqual(
        await page.getByTestId('timeline-step').evaluateAll((steps) => steps.map((step) => step.dataset.step)),
        ['start', 'extra', 'finish'],
      );
      await assertAccessible(page, '/runs/[id] draft run', { strict: true });
      const saved = await api(page, 'GET', `/api/workflows/${workflowId}`);
      assert.equal(saved.body.currentVersion, 1, 'a draft run creates no version');

      // Save: the draft is gone and the page no longer asks before leaving.
      await page.goto(`/workflows/${workflowId}`);
      await page.getByTestId('draft-notice').waitFor();
      assert.deepEqual(await order(page), ['start', 'extra', 'finish']);
      await page.getByRole('button', { name: m.editor.save }).click();
      await page.getByTestId('visual-editor-status').filter({ hasText: 'Saved as version 2.' }).waitFor();
      await waitForDraft(page, false);
      await page.reload();
      await card(page, 'extra').waitFor();
      assert.equal(await page.getByTestId('draft-notice').count(), 0);
      assert.equal(await storedDraft(page), null);

      // 390 px: a restored draft fits the screen and can be discarded.
      await page.setViewportSize({ width: 390, height: 844 });
      await fillExactly(card(page, 'finish').getByLabel('Message'), 'Phone edit');
      await waitForDraft(page, true);
      await reloadDirty(page);
      await page.getByTestId('draft-notice').waitFor();
      await assertNoHorizontalScroll(page);
      await assertAccessible(page, '/workflows/[id] restored draft at 390 px', { strict: true });
      await page.getByTestId('draft-discard').click();
      await page.getByTestId('draft-notice').waitFor({ state: 'detached' });
      assert.equal(await card(page, 'finish').getByLabel('Message').inputValue(), 'Done');
      await waitForDraft(page, false);
      await page.setViewportSize({ width: 1440, height: 900 });
    },
  },
];
