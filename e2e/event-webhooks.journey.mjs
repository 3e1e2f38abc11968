// Settings → Webhooks journey: empty state, an http URL refused by name, subscribe an https URL and see the secret
// once, send a test event (nothing listens there, so it fails and says why), see the delivery with its attempt,
// pause, then delete. The runner allow-lists 127.0.0.2 (loopback, nothing listens on port 9). At 1440 and 390 px, with axe-core on each state.
import assert from 'node:assert/strict';
import { assertAccessible, assertNoHorizontalScroll, readMessages, signUp } from './helpers.mjs';

// NOTE: port 9 (discard) on the loopback has no listener: the send fails fast with a clear reason.
const URL = 'https://127.0.0.2:9/levqor-hooks';

export const journeys = [
  {
    name: 'subscribe a URL in Settings → Webhooks, send a test event, see the attempt, pause and delete',
    async run({ page }) {
      const m = (await readMessages('en')).app.webhooksPage;
      await signUp(page, { prefix: 'webhooks' });
      await page.goto('/settings/webhooks');
      await page.getByRole('heading', { level: 1, name: m.title }).waitFor();
      await page.getByTestId('webhooks-empty').waitFor();
      await assertAccessible(page, '/settings/webhooks empty');

      // Plain http is refused, naming the field.
      await page.getByTestId('webhook-add').click();
      const dialog = page.getByTestId('webhook-dialog');
      await dialog.getByLabel(m.form.url).fill('http://hooks.example.com/x');
      await dialog.getByLabel(m.events.run.succeeded).check();
      await assertAccessible(page, '/settings/webhooks add dialog');
      await dialog.getByTestId('webhook-save').click();
      assert.match(await dialog.getByTestId('field-error').first().innerText(), /https/);

      // An https URL is added; the signing secret is shown this once.
      await dialog.getByLabel(m.form.url).fill(URL);
      await dialog.getByLabel(m.form.description).fill('Zapier orders');
      await dialog.getByTestId('webhook-save').click();
      const secret = (await dialog.getByTestId('webhook-secret').innerText()).trim();
      assert.match(secret, /^whsec_/);
      await dialog.getByTestId('webhook-secret-done').click();
      await dialog.waitFor({ state: 'detached' });
      const card = page.getByTestId('webhook-card').filter({ hasText: URL });
      await card.waitFor();
      assert.match(await card.innerText(), /Zapier orders/);
      assert.match(await card.getByTestId('webhook-state').innerText(), new RegExp(m.status.enabled));
      assert.ok(!(await page.content()).includes(secret), 'the secret is never shown again');
      await card.getByTestId('webhook-deliveries-empty').waitFor();

      // "Send test event": nothing listens there, so the ping fails and the page says why, with the attempt.
      await card.getByTestId('webhook-test').click();
      const result = card.getByTestId('webhook-test-result');
      await result.locator('span').waitFor({ timeout: 20_000 });
      assert.match(await result.innerText(), /Could not reach 127\.0\.0\.2:9|did not answer/);
      const row = card.getByTestId('webhook-delivery-row').first();
      await row.waitFor();
      assert.match(
        await row.getByTestId('webhook-delivery-status').innerText(),
        new RegExp(m.deliveries.statuses.failed),
      );
      assert.match(await row.getByTestId('webhook-attempt').first().innerText(), new RegExp(m.deliveries.noResponse));
      await assertAccessible(page, '/settings/webhooks with a delivery');

      await page.setViewportSize({ width: 390, height: 844 });
      await assertNoHorizontalScroll(page);
      await assertAccessible(page, '/settings/webhooks at 390 px');
      await page.setViewportSize({ width: 1440, height: 900 });

      // Pause, then delete after confirming.
      await card.getByTestId('webhook-toggle').click();
      await card.getByTestId('webhook-state').filter({ hasText: m.status.paused }).waitFor();
      await card.getByTestId('webhook-delete').click();
      const confirm = page.getByTestId('webhook-delete-dialog');
      await confirm.getByRole('button', { name: m.delete.confirm }).click();
      await page.getByTestId('webhooks-empty').waitFor();
    },
  },
];
