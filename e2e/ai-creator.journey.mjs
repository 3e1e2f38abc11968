// The AI workflow creator with no model key (answers come from the built-in builder, and say so): describe a workflow
// on the dashboard → the review shows the explanation, what is still needed and the steps in the visual editor → save
// → the workflow page shows it switched off; a Spanish request gets a Spanish review; "try another description" keeps
// the text; a refused (422) or unsent request reads plainly; a manual "when I click run" workflow is saved and run to
// success at 390 px. axe-core on each state, at 1440 and 390 px.
// Then once more on /ar at 390 px: right to left, within the phone's width, axe-core clean.
import assert from 'node:assert/strict';
import path from 'node:path';
import { assertAccessible, assertNoHorizontalScroll, readMessages, signUp, waitForRunStatus } from './helpers.mjs';

const SHOPIFY = 'Every Monday at 9am back up my Shopify orders and post a summary to Slack';
const SPANISH = 'Cada mañana a las 8 envíame un correo con el resumen de los pedidos de ayer';
const MANUAL = 'When I click run, log hello';
const ARABIC = 'كل يوم الساعة 8 صباحًا أرسل لي ملخص الطلبات الجديدة بالبريد الإلكتروني';

/** Types a request into the creator and waits for the review (the editor's first validation included). */
async function describe(page, prompt) {
  await page.getByTestId('creator-prompt').fill(prompt);
  await page.getByTestId('workflow-creator').locator('button[type="submit"]').click();
  await page.getByTestId('creator-review').waitFor({ timeout: 30_000 });
  await checked(page);
}

/** Waits for the visual editor's first validation answer. */
const checked = (page) => page.locator('[data-testid="validation-summary"][data-checked="true"]').waitFor();

async function saveProposal(page, m) {
  await page.getByTestId('creator-save').click();
  await page.waitForURL(/\/workflows\/[0-9a-f-]{36}$/);
  await page
    .getByTestId('flash-message')
    .filter({ hasText: m.ai.creator.save.saved.split('{name}')[1].slice(1).trim() })
    .waitFor();
  await page.getByTestId('enabled-toggle').waitFor();
  assert.equal(await page.getByTestId('enabled-toggle').getAttribute('aria-checked'), 'false', 'saved switched off');
  return page.url().split('/').at(-1);
}

export const journeys = [
  {
    name: 'describe a workflow on the dashboard, review it in the visual editor, save it switched off',
    async run({ page, screenshotDir }) {
      const m = await readMessages('en');
      const c = m.ai.creator;
      await page.setViewportSize({ width: 1440, height: 900 });
      await signUp(page, { prefix: 'creator' });

      await page.getByTestId('dashboard-creator-prompt').fill(SHOPIFY);
      await page.getByTestId('dashboard-creator').getByRole('button', { name: c.dashboard.submit }).click();
      await page.waitForURL(/\/workflows\?new=describe/);
      await page.getByTestId('creator-review').waitFor({ timeout: 30_000 });
      assert.ok(!page.url().includes('prompt='), 'the request leaves the address once it is being built');
      // Focus moves to the review's heading, which names the proposal.
      await page.waitForFunction(() => document.activeElement?.getAttribute('data-testid') === 'creator-review-title');

      const source = page.getByTestId('creator-source');
      assert.equal(await source.getAttribute('data-source'), 'fallback');
      const sourceText = await source.innerText();
      assert.ok(sourceText.includes(c.source.fallback), sourceText);
      assert.ok(sourceText.includes(c.source.reasons.not_configured), sourceText);
      const explanation = (await page.getByTestId('creator-explanation').innerText()).trim();
      assert.ok(explanation.length > 20, `an explanation in words: "${explanation}"`);

      const needs = page.getByTestId('creator-need');
      const connectionNeeds = page.locator('[data-testid="creator-need"][data-kind="connection"]');
      assert.ok((await needs.count()) > 0, 'a Slack workflow needs something from the user');
      assert.match(await connectionNeeds.first().innerText(), /slack/i);
      assert.equal(
        await connectionNeeds.first().getByRole('link', { name: c.review.connectionsLink }).getAttribute('href'),
        '/settings/connections',
      );

      const summaries = await page.getByTestId('creator-steps').locator('li').count();
      assert.ok(summaries >= 2, 'a backup step and a Slack step at least');
      assert.equal(await page.getByTestId('step-card').count(), summaries, 'every step is in the visual editor');
      assert.equal(await page.getByTestId('creator-stays-off').innerText(), c.save.staysOff);
      await assertAccessible(page, '/workflows creator review');
      await page.screenshot({ path: path.join(screenshotDir, 'ai-creator-review-1440.png'), fullPage: true });

      // Edit before saving: rename the workflow in the editor; the saved workflow has the new name.
      await checked(page);
      await page.getByLabel(m.workflows.visualEditor.workflowName, { exact: true }).fill('E2E Monday Shopify backup');
      const workflowId = await saveProposal(page, m);
      assert.ok(workflowId);
      assert.equal(await page.getByTestId('workflow-title').innerText(), 'E2E Monday Shopify backup');
      await assertAccessible(page, '/workflows/[id] after saving a proposal');

      // A request the API refuses (too short once trimmed) names the field; one that cannot be sent says so.
      await page.goto('/workflows?new=describe');
      await page.getByTestId('creator-prompt').fill('   ab   ');
      await page.getByRole('button', { name: c.prompt.submit }).click();
      const refused = page.getByTestId('creator-error');
      await refused.waitFor();
      const refusedText = await refused.innerText();
      assert.ok(refusedText.includes(c.invalid) && refusedText.includes(`${c.prompt.field}:`), refusedText);
      await page.route('**/api/ai/workflow', (route) => route.abort());
      await page.getByTestId('creator-prompt').fill(SHOPIFY);
      await page.getByRole('button', { name: c.prompt.submit }).click();
      await refused.filter({ hasText: c.network }).waitFor();
      await page.unroute('**/api/ai/workflow');
      await assertAccessible(page, '/workflows creator error');
      // A Spanish request, on the Spanish app: the review is in Spanish.
      const es = await readMessages('es');
      await page.goto('/es/workflows?new=describe');
      await page.getByTestId('creator-prompt').waitFor();
      await describe(page, SPANISH);
      assert.ok((await page.getByTestId('creator-source').innerText()).includes(es.ai.creator.source.fallback));
      assert.ok(
        (await page.getByTestId('creator-review-title').innerText()).startsWith(
          es.ai.creator.review.title.split('{')[0],
        ),
      );
      assert.ok((await page.getByTestId('step-card').count()) >= 1);
      // Another description: back to the prompt, the text kept and focused.
      await page.getByTestId('creator-another').click();
      await page.waitForFunction(() => document.activeElement?.getAttribute('data-testid') === 'creator-prompt');
      assert.equal(await page.getByTestId('creator-prompt').inputValue(), SPANISH);
    },
  },
  {
    name: 'at 390 px: describe a manual workflow, save it, run it from its page and see the run succeed',
    async run({ page, screenshotDir }) {
      const m = await readMessages('en');
      await page.setViewportSize({ width: 390, height: 844 });
      await signUp(page, { prefix: 'creator-phone' });
      await page.goto('/workflows?new=describe');
      await page.getByTestId('creator-prompt').waitFor();
      await assertNoHorizontalScroll(page);
      await describe(page, MANUAL);
      await assertNoHorizontalScroll(page);
      await assertAccessible(page, '/workflows creator review at 390 px');
      await page.screenshot({ path: path.join(screenshotDir, 'ai-creator-review-390.png'), fullPage: true });
      const workflowId = await saveProposal(page, m);
      assert.ok(workflowId);
      await assertNoHorizontalScroll(page);
      const title = await page.getByTestId('workflow-title').innerText();
      await page.getByRole('button', { name: m.workflows.runNowFor.replace('{name}', title) }).click();
      await page.waitForURL(/\/runs\/[0-9a-f-]{36}$/);
      await waitForRunStatus(page, 'succeeded');

      // Right to left: an Arabic request reviewed on /ar, still within the phone's width.
      await page.goto('/ar/workflows?new=describe');
      assert.equal(await page.locator('html').getAttribute('dir'), 'rtl');
      await page.getByTestId('creator-prompt').waitFor();
      await describe(page, ARABIC);
      const ar = await readMessages('ar');
      assert.ok((await page.getByTestId('creator-source').innerText()).includes(ar.ai.creator.source.fallback));
      await assertNoHorizontalScroll(page);
      await assertAccessible(page, '/ar/workflows creator review at 390 px');
    },
  },
];
