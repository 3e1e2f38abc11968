// Contextual help with no model key (the built-in help answers, and says so): the "Help" button opens the side panel
// (a modal dialog: focus inside, Escape closes, focus back on the button), a question streams an answer with source
// links, a source opens the article; then the knowledge browser: search on the server (?q=), open an article, browse
// by kind. At 1440 px and at 390 px (the panel full screen, a suggested question), axe-core on each state.
// Then once more on /ar at 390 px: right to left, within the phone's width, axe-core clean.
import assert from 'node:assert/strict';
import path from 'node:path';
import { assertAccessible, assertNoHorizontalScroll, readMessages, signUp } from './helpers.mjs';

/** Asks (typing `question`, or by `ask()`, e.g. a suggested question) and waits for the whole streamed answer. */
async function askInPanel(page, question, ask) {
  const before = await page.getByTestId('help-answer').count();
  if (ask) await ask();
  else {
    await page.getByTestId('help-input').fill(question);
    await page.getByTestId('help-send').click();
  }
  const answer = page.getByTestId('help-answer').nth(before);
  await answer.and(page.locator('[data-status="done"]')).waitFor({ timeout: 30_000 });
  return answer;
}

export const journeys = [
  {
    name: 'help panel: ask, read the streamed built-in answer with sources, open the article; knowledge browser search',
    async run({ page, screenshotDir }) {
      const m = await readMessages('en');
      const h = m.ai.help;
      await page.setViewportSize({ width: 1440, height: 900 });
      await signUp(page, { prefix: 'help-ui' });

      const opener = page.getByTestId('help-open');
      await opener.click();
      const panel = page.getByRole('dialog', { name: h.title });
      await panel.waitFor();
      await page.waitForFunction(() => document.activeElement?.id === 'help-question');
      assert.equal(await page.getByTestId('help-suggestion').count(), 2, 'two suggested questions for the dashboard');
      await assertAccessible(page, '/dashboard with the help panel open');

      const answer = await askInPanel(page, 'How do I retry a failed run?');
      const source = answer.getByTestId('help-answer-source');
      assert.equal(await source.getAttribute('data-source'), 'fallback');
      assert.equal((await source.innerText()).trim(), h.builtIn);
      const text = await answer.innerText();
      assert.ok(text.includes(h.fallback.notConfigured.slice(0, 20)), `the answer says AI is not set up: ${text}`);
      const article = m.help.articles['retries-and-failures'];
      assert.ok(text.includes(article.title), 'the answer names the matching article');
      const firstSource = answer.getByTestId('help-source').first();
      assert.equal((await firstSource.innerText()).trim(), article.title);
      await assertAccessible(page, 'the help panel with an answer');
      await page.screenshot({ path: path.join(screenshotDir, 'ai-help-panel-1440.png') });

      await page.keyboard.press('Escape');
      await panel.waitFor({ state: 'hidden' });
      await page.waitForFunction(() => document.activeElement?.getAttribute('data-testid') === 'help-open');

      await opener.click();
      await panel.waitFor();
      assert.equal(await page.getByTestId('help-answer').count(), 1, 'the conversation is kept when reopened');
      await firstSource.click();
      await page.waitForURL(/\/help\/retries-and-failures$/);
      await panel.waitFor({ state: 'hidden' });
      await page.getByRole('heading', { level: 1, name: article.title }).waitFor();

      await page.getByRole('navigation', { name: m.app.navLabel }).getByRole('link', { name: m.help.nav }).click();
      await page.waitForURL(/\/help$/);
      await page.getByRole('heading', { level: 1, name: m.help.title }).waitFor();
      for (const kind of ['doc', 'template', 'step'])
        assert.ok((await page.locator(`[data-testid="knowledge-item"][data-kind="${kind}"]`).count()) > 0, kind);
      await assertAccessible(page, '/help');

      await page.getByTestId('knowledge-search').fill('verify the webhook signature');
      await page.getByTestId('knowledge-search-submit').click();
      await page.waitForURL(/\/help\?q=verify/);
      await page.getByTestId('knowledge-count').waitFor();
      const top = page.getByTestId('knowledge-item').first();
      assert.equal(await top.getAttribute('data-id'), 'webhooks');
      await assertAccessible(page, '/help?q=…');
      await page.screenshot({ path: path.join(screenshotDir, 'ai-help-search-1440.png'), fullPage: true });
      await top.getByRole('link', { name: m.help.articles.webhooks.title }).click();
      await page.waitForURL(/\/help\/webhooks$/);
      await page.getByRole('heading', { level: 1, name: m.help.articles.webhooks.title }).waitFor();
      assert.ok((await page.getByTestId('help-article').innerText()).includes('X-Levqor-Signature'));
      await assertAccessible(page, '/help/webhooks');

      await page.goto('/help');
      await page.getByTestId('knowledge-kind').filter({ hasText: m.help.kinds.step }).click();
      await page.waitForURL(/\/help\?kind=step$/);
      await page.locator('#step-approval').waitFor();
      assert.equal(await page.locator('[data-testid="knowledge-item"]:not([data-kind="step"])').count(), 0);

      await page.setViewportSize({ width: 390, height: 844 });
      await page.goto('/workflows');
      await opener.click();
      await panel.waitFor();
      const box = await panel.boundingBox();
      assert.ok(
        box && box.width >= 389 && box.height >= 843,
        `the panel fills the phone screen: ${JSON.stringify(box)}`,
      );
      const phoneAnswer = await askInPanel(page, null, () => page.getByTestId('help-suggestion').first().click());
      assert.ok((await phoneAnswer.getByTestId('help-source').count()) > 0, 'the answer links its sources');
      await assertNoHorizontalScroll(page);
      await assertAccessible(page, '/workflows with the help panel at 390 px');
      await page.screenshot({ path: path.join(screenshotDir, 'ai-help-panel-390.png') });
      await page.getByTestId('help-close').click();
      await panel.waitFor({ state: 'hidden' });
      await page.goto('/help/approvals');
      await assertNoHorizontalScroll(page);
      await assertAccessible(page, '/help/approvals at 390 px');

      // Right to left: the panel on /ar, asked by a suggested question, at 390 px.
      const ar = (await readMessages('ar')).ai.help;
      await page.goto('/ar/dashboard');
      assert.equal(await page.locator('html').getAttribute('dir'), 'rtl');
      await page.getByTestId('help-open').click();
      await page.getByRole('dialog', { name: ar.title }).waitFor();
      const arabic = await askInPanel(page, null, () => page.getByTestId('help-suggestion').first().click());
      assert.equal((await arabic.getByTestId('help-answer-source').innerText()).trim(), ar.builtIn);
      await assertNoHorizontalScroll(page);
      await assertAccessible(page, '/ar/dashboard with the help panel at 390 px');
    },
  },
];
