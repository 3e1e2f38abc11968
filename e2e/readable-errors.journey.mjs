// Readable errors journey: in the visual editor a bad cron shows which field is wrong and its range (no raw zod text
// anywhere), a valid cron lists the next five runs labelled with the workflow's zone; again in German; 1440 and 390 px; axe.
import assert from 'node:assert/strict';
import { api, assertAccessible, assertNoHorizontalScroll, readMessages, signUp } from './helpers.mjs';

const rawZod = /Invalid input|expected (string|number)|received undefined|Too (small|big)|[<>]=\s?\d/;

async function checkSchedule(page, { prefix = '', messages, badCron, badText, label }) {
  const cron = page.getByLabel(messages.workflows.visualEditor.trigger.cron, { exact: true });
  const fieldError = page.getByTestId('field-error').filter({ hasText: badText });
  // NOTE: a value typed before the editor hydrates is replaced by the saved one: type it again until it is checked.
  for (let attempt = 1; ; attempt++) {
    await cron.fill(badCron);
    try {
      await fieldError.waitFor({ timeout: 5_000 });
      break;
    } catch (error) {
      if (attempt === 4) throw error;
    }
  }
  await cron.and(page.locator('[aria-invalid="true"]')).waitFor();
  assert.doesNotMatch(await page.locator('main').innerText(), rawZod, 'no raw zod text on the page');
  await assertAccessible(page, `${prefix}/workflows/[id] bad cron (${label})`);

  await cron.fill('30 8 * * 1-5');
  const preview = page.getByTestId('schedule-preview');
  await preview.getByTestId('schedule-preview-run').nth(4).waitFor();
  assert.equal(await preview.getByTestId('schedule-preview-run').count(), 5);
  const zoneLabel = messages.workflows.visualEditor.schedulePreview.inZone.replace('{zone}', 'America/New_York');
  await preview.getByTestId('schedule-preview-zone').filter({ hasText: zoneLabel }).waitFor();
  // NOTE: the preview is computed in the browser, the field errors by the validate endpoint: wait for both to settle.
  await page.getByTestId('field-error').first().waitFor({ state: 'detached' });
  await assertAccessible(page, `${prefix}/workflows/[id] schedule preview (${label})`);
  await page.setViewportSize({ width: 390, height: 844 });
  await preview.waitFor();
  await assertNoHorizontalScroll(page);
  await assertAccessible(page, `${prefix}/workflows/[id] schedule preview at 390 px (${label})`);
  await page.setViewportSize({ width: 1440, height: 900 });
}

export const journeys = [
  {
    name: 'readable errors: per-field cron messages and the next five runs, in English and German',
    async run({ page }) {
      const [en, de] = await Promise.all([readMessages('en'), readMessages('de')]);
      await signUp(page, { prefix: 'readable' });
      const created = await api(page, 'POST', '/api/workflows', {
        name: 'E2E readable errors',
        trigger: { type: 'schedule', cron: '0 9 * * 1', timezone: 'America/New_York' },
        steps: [{ id: 'note', type: 'log', config: { message: 'Morning' } }],
      });
      assert.equal(created.status, 201);
      const id = created.body.id;

      await page.goto(`/workflows/${id}`);
      await checkSchedule(page, { messages: en, badCron: '61 * * * *', badText: 'Minute must be 0–59', label: 'en' });

      await page.goto(`/de/workflows/${id}`);
      await checkSchedule(page, {
        prefix: '/de',
        messages: de,
        badCron: '0 24 * * *',
        badText: 'Die Stunde muss 0–23 sein',
        label: 'de',
      });
    },
  },
];
