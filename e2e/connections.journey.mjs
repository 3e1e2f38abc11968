// Settings → Connections journey: empty state, add a Telegram connection, test it (no real Telegram here, so the clear
// failure message), replace its token, pick it in a workflow step (and see a missing name flagged), see "used by",
// then delete it naming the workflow. At 1440 and 390 px, with axe-core on each state.
import assert from 'node:assert/strict';
import { api, assertAccessible, assertNoHorizontalScroll, readMessages, signUp } from './helpers.mjs';

const TOKEN = '123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw';
const NEW_TOKEN = '987654321:BBHdqTcvCH1vGWJxfSeofSAs0K5PALDnew1';

export const journeys = [
  {
    name: 'manage a Telegram connection in Settings → Connections and pick it in a step',
    async run({ page }) {
      const m = (await readMessages('en')).app.connectionsPage;
      const editor = (await readMessages('en')).workflows.visualEditor;
      await signUp(page, { prefix: 'connections' });
      await page.goto('/settings/connections');
      await page.getByRole('heading', { level: 1, name: m.title }).waitFor();
      await page.getByTestId('connections-empty').waitFor();
      await assertAccessible(page, '/settings/connections empty');

      // Add.
      await page.getByTestId('connection-add').click();
      const dialog = page.getByTestId('connection-dialog');
      await dialog.getByLabel(m.form.name).fill('team-alerts');
      await dialog.getByLabel(m.form.kind).selectOption('telegram');
      await dialog.getByLabel(m.fields.botToken.label).fill(TOKEN);
      await assertAccessible(page, '/settings/connections add dialog');
      await dialog.getByTestId('connection-save').click();
      await dialog.waitFor({ state: 'detached' });
      const row = page.getByTestId('connection-row').filter({ hasText: 'team-alerts' });
      await row.waitFor();
      assert.match(await row.innerText(), /Telegram/);
      assert.match(await row.innerText(), /…Dsaw/);
      assert.ok(!(await page.content()).includes(TOKEN), 'the stored token is never shown back');
      await assertAccessible(page, '/settings/connections with a connection');

      // Test: this server cannot reach Telegram with a made-up token, and says so plainly (200 ok:false).
      await row.getByTestId('connection-test').click();
      const result = row.getByTestId('connection-test-result');
      await result.locator('span').waitFor({ timeout: 15_000 });
      assert.match(
        await result.innerText(),
        /Could not reach api\.telegram\.org|Telegram refused|did not answer in time/,
      );

      // Edit: replace the token.
      await row.getByTestId('connection-edit').click();
      const edit = page.getByTestId('connection-dialog');
      await edit.getByText(m.form.replaceIntro).waitFor();
      await edit.getByLabel(m.fields.botToken.label).fill(NEW_TOKEN);
      await edit.getByTestId('connection-save').click();
      await edit.waitFor({ state: 'detached' });
      await row.filter({ hasText: '…new1' }).waitFor();

      // A workflow step picks it from a list; a name that does not exist is shown as missing.
      const created = await api(page, 'POST', '/api/workflows', {
        name: 'Order alerts',
        trigger: { type: 'manual' },
        steps: [
          {
            id: 'tell',
            type: 'telegram',
            config: { credential: 'team-alerts', chatId: '-1001234', text: 'New order' },
          },
          { id: 'ghost', type: 'telegram', config: { credential: 'ghost-bot', chatId: '-1001234', text: 'x' } },
        ],
      });
      assert.equal(created.status, 201, JSON.stringify(created.body));
      await page.goto(`/workflows/${created.body.id}`);
      const pickers = page.getByTestId('connection-select');
      await pickers.first().waitFor();
      assert.equal(await pickers.nth(0).inputValue(), 'team-alerts');
      await page
        .locator('[data-testid="connection-select"] option', { hasText: 'ghost-bot (missing)' })
        .waitFor({ state: 'attached' });
      assert.equal(await pickers.nth(1).getAttribute('aria-invalid'), 'true');
      await pickers.nth(1).selectOption('team-alerts');
      assert.equal(await pickers.nth(1).inputValue(), 'team-alerts');
      assert.match(
        await page.getByRole('link', { name: editor.connectionAdd }).first().getAttribute('href'),
        /\/settings\/connections$/,
      );
      await assertAccessible(page, '/workflows/[id] with connection pickers');

      // "Used by" links to the workflow; the page fits a phone.
      await page.goto('/settings/connections');
      await row.getByRole('link', { name: 'Order alerts' }).waitFor();
      await page.setViewportSize({ width: 390, height: 844 });
      await assertNoHorizontalScroll(page);
      await assertAccessible(page, '/settings/connections at 390 px');

      // Delete names the workflow using it.
      await row.getByTestId('connection-delete').click();
      const confirm = page.getByTestId('connection-delete-dialog');
      await confirm.getByTestId('connection-delete-used-by').filter({ hasText: 'Order alerts' }).waitFor();
      await confirm.getByRole('button', { name: m.delete.confirm }).click();
      await page.getByTestId('connections-empty').waitFor();
      await page.setViewportSize({ width: 1440, height: 900 });
    },
  },
];
