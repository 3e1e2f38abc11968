// The workflow lifecycle from the UI, at 1440 px (from the workflow page header) and at 390 px (from the list's row
// menu): create from scratch → rename (with the validation message on the field) → duplicate → export (the download
// is captured and read) → delete the original through the confirm dialog, which names its versions, runs and
// snapshots → import the exported file → it is listed, disabled. Also: a broken file shows its issues by step and
// field, and a workflow with a run in progress cannot be deleted. axe: no WCAG 2 A/AA violation on the list and
// workflow pages, with the menu and the dialog open.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { api, assertAccessible, assertNoHorizontalScroll, signUp, waitForRunStatus } from './helpers.mjs';

const strict = { strict: true };

async function createFromScratch(page, name) {
  await page.goto('/workflows');
  await page.getByRole('button', { name: 'New workflow' }).click();
  await page.getByLabel('Scratch (a manual workflow with one log step)').check();
  await page.getByPlaceholder('Weekly sales report').fill(name);
  await page.getByRole('button', { name: 'Create workflow' }).click();
  await page.waitForURL(/\/workflows\/[0-9a-f-]{36}$/);
  return page.url().split('/').at(-1);
}

const flash = (page, text) => page.getByTestId('flash-message').filter({ hasText: text }).waitFor();

/** Renames in the inline form: an empty name shows the message on the field, then the new name is saved as v2. */
async function renameInline(page, form, name) {
  const field = form.getByLabel('Workflow name');
  await field.fill('   ');
  await form.getByRole('button', { name: 'Save name' }).click();
  await form.getByTestId('field-error').filter({ hasText: 'Enter a name.' }).waitFor();
  assert.equal(await field.getAttribute('aria-invalid'), 'true');
  await field.fill(name);
  await form.getByRole('button', { name: 'Save name' }).click();
  await flash(page, `Renamed to “${name}” (saved as version 2).`);
}

/** Clicks Export in an open menu and returns the downloaded file's name and parsed content. */
async function exportFile(page, menu) {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    menu.getByRole('link', { name: 'Export as a file' }).click(),
  ]);
  const saved = path.join(mkdtempSync(path.join(tmpdir(), 'levqor-export-')), download.suggestedFilename());
  await download.saveAs(saved);
  const text = readFileSync(saved, 'utf8');
  return { filename: download.suggestedFilename(), saved, text, file: JSON.parse(text) };
}

function assertExported({ filename, text, file }, name) {
  assert.equal(filename, 'lifecycle-report.levqor.json');
  assert.equal(file.format, 'levqor.workflow');
  assert.equal(file.formatVersion, 1);
  assert.equal(file.definition.name, name);
  assert.ok(!Number.isNaN(Date.parse(file.exportedAt)));
  assert.ok(
    !/wh_[A-Za-z0-9_-]{10}|webhook_secret|v1\.[A-Za-z0-9_-]+\./.test(text),
    'no webhook token or secret in the file',
  );
}

/** The delete dialog names the workflow and what goes with it; deleting leads to the list with a message, focus on its heading. */
async function deleteThroughDialog(page, name, counts) {
  const dialog = page.getByRole('dialog', { name: `Delete “${name}”?` });
  await dialog.waitFor();
  const contents = await dialog.getByTestId('delete-contents').innerText();
  for (const text of counts) assert.match(contents, new RegExp(text));
  await assertAccessible(page, 'the delete dialog', strict);
  await dialog.getByRole('button', { name: 'Delete workflow' }).click();
  await page.waitForURL(/\/workflows$/);
  await flash(page, `Deleted “${name}”.`);
  await page.waitForFunction(() => document.activeElement?.id === 'workflows-heading');
}

/** Imports a file on the list and checks it is listed, disabled. */
async function importAndCheck(page, saved, name) {
  await page.getByTestId('import-file').setInputFiles(saved);
  await flash(page, `Imported “${name}”. It stays disabled until you turn it on.`);
  const row = page.getByTestId('workflow-row').filter({ has: page.getByRole('link', { name, exact: true }) });
  await row.waitFor();
  assert.equal(await row.getByRole('switch').getAttribute('aria-checked'), 'false');
}

async function importBroken(page) {
  const broken = {
    format: 'levqor.workflow',
    formatVersion: 1,
    definition: {
      name: 'Broken',
      trigger: { type: 'manual' },
      steps: [{ id: 'call', type: 'http_request', config: { url: 'http://169.254.169.254/' } }],
    },
  };
  await page.getByTestId('import-file').setInputFiles({
    name: 'broken.levqor.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(broken)),
  });
  const issue = page.getByTestId('validation-issue').first();
  await issue.waitFor();
  assert.match(await issue.innerText(), /definition\.steps\.0\.config\.url[\s\S]*call/);
  await page.getByText('This file is not a valid workflow, so nothing was imported.').waitFor();
}

export const journeys = [
  {
    name: 'workflow lifecycle at 1440 px from the workflow page: rename, duplicate, export, delete, import',
    async run({ page, screenshotDir }) {
      await page.setViewportSize({ width: 1440, height: 900 });
      await signUp(page, { prefix: 'life' });
      const workflowId = await createFromScratch(page, 'E2E report');
      await assertAccessible(page, '/workflows/[id]', strict);

      await page.getByRole('button', { name: 'Rename E2E report' }).click();
      await renameInline(page, page.getByTestId('rename-form'), 'Lifecycle report');
      await page.getByTestId('workflow-title').filter({ hasText: 'Lifecycle report' }).waitFor();

      // One run in the history, for the delete dialog to name.
      await page.getByRole('button', { name: 'Run now: Lifecycle report' }).click();
      await page.waitForURL(/\/runs\/[0-9a-f-]{36}$/);
      await waitForRunStatus(page, 'succeeded');
      await page.goto(`/workflows/${workflowId}?tab=overview`);

      const actions = page.getByRole('button', { name: 'Actions for Lifecycle report' });
      await actions.click();
      await assertAccessible(page, '/workflows/[id] with the actions menu open', strict);
      await page.getByRole('button', { name: 'Duplicate' }).click();
      await flash(page, 'Created “Lifecycle report (copy)”. It stays disabled until you turn it on.');

      await actions.click();
      const exported = await exportFile(page, page);
      assertExported(exported, 'Lifecycle report');
      await page.screenshot({ path: path.join(screenshotDir, 'workflow-lifecycle-header-1440.png'), fullPage: true });

      await actions.click();
      await page.getByRole('button', { name: 'Delete', exact: true }).click();
      await page.screenshot({ path: path.join(screenshotDir, 'workflow-lifecycle-dialog-1440.png') });
      await deleteThroughDialog(page, 'Lifecycle report', [
        '2 saved versions',
        '1 run in its run history',
        '0 backup snapshots',
      ]);
      assert.equal((await api(page, 'GET', `/api/workflows/${workflowId}`)).status, 404);

      await importAndCheck(page, exported.saved, 'Lifecycle report');
      const copy = page
        .getByTestId('workflow-row')
        .filter({ has: page.getByRole('link', { name: 'Lifecycle report (copy)' }) });
      assert.equal(await copy.getByRole('switch').getAttribute('aria-checked'), 'false');
      await importBroken(page);
      await assertAccessible(page, '/workflows after import', strict);
      await page.screenshot({ path: path.join(screenshotDir, 'workflow-lifecycle-list-1440.png'), fullPage: true });

      // A run in progress (a long delay) blocks deletion: the dialog says so and where to cancel it.
      const slow = await api(page, 'POST', '/api/workflows', {
        name: 'Slow one',
        trigger: { type: 'manual' },
        steps: [{ id: 'wait', type: 'delay', config: { hours: 1 } }],
      });
      assert.equal(slow.status, 201);
      assert.equal((await api(page, 'POST', `/api/workflows/${slow.body.id}/runs`, { payload: {} })).status, 202);
      await page.goto(`/workflows/${slow.body.id}?tab=overview`);
      await page.getByRole('button', { name: 'Actions for Slow one' }).click();
      await page.getByRole('button', { name: 'Delete', exact: true }).click();
      const blocked = page.getByRole('dialog', { name: 'Delete “Slow one”?' }).getByTestId('delete-blocked');
      await blocked.waitFor();
      assert.match(await blocked.innerText(), /1 run is still in progress/);
      assert.equal(await page.getByRole('button', { name: 'Delete workflow' }).count(), 0);
      await blocked.getByRole('link', { name: 'Open its runs' }).waitFor();
      await page.keyboard.press('Escape');
      await page.getByRole('dialog').waitFor({ state: 'hidden' });
    },
  },
  {
    name: 'workflow lifecycle at 390 px from the list row menu: rename, duplicate, export, delete, import',
    async run({ page, screenshotDir }) {
      await page.setViewportSize({ width: 390, height: 844 });
      await signUp(page, { prefix: 'life-phone' });
      await createFromScratch(page, 'E2E report');
      await page.goto('/workflows');
      const row = (name) =>
        page.getByTestId('workflow-row').filter({ has: page.getByRole('link', { name, exact: true }) });

      await row('E2E report').getByRole('button', { name: 'Actions for E2E report' }).click();
      await assertAccessible(page, '/workflows with a row menu open', strict);
      await row('E2E report').getByRole('button', { name: 'Rename' }).click();
      await renameInline(page, page.getByTestId('rename-form'), 'Lifecycle report');
      await row('Lifecycle report').waitFor();

      await row('Lifecycle report').getByRole('button', { name: 'Actions for Lifecycle report' }).click();
      await row('Lifecycle report').getByRole('button', { name: 'Duplicate' }).click();
      await flash(page, 'Created “Lifecycle report (copy)”. It stays disabled until you turn it on.');
      await row('Lifecycle report (copy)').waitFor();

      await row('Lifecycle report').getByRole('button', { name: 'Actions for Lifecycle report' }).click();
      const exported = await exportFile(page, row('Lifecycle report'));
      assertExported(exported, 'Lifecycle report');
      await assertNoHorizontalScroll(page);
      await page.screenshot({ path: path.join(screenshotDir, 'workflow-lifecycle-list-390.png'), fullPage: true });

      await row('Lifecycle report').getByRole('button', { name: 'Actions for Lifecycle report' }).click();
      await row('Lifecycle report').getByRole('button', { name: 'Delete', exact: true }).click();
      const dialog = page.getByRole('dialog', { name: 'Delete “Lifecycle report”?' });
      await dialog.waitFor();
      assert.match(
        await dialog.getByTestId('delete-contents').innerText(),
        /2 saved versions[\s\S]*0 runs in its run history[\s\S]*0 backup snapshots/,
      );
      await assertAccessible(page, 'the delete dialog at 390 px', strict);
      await page.screenshot({ path: path.join(screenshotDir, 'workflow-lifecycle-dialog-390.png') });
      await dialog.getByRole('button', { name: 'Delete workflow' }).click();
      await flash(page, 'Deleted “Lifecycle report”.');
      await row('Lifecycle report').waitFor({ state: 'detached' });
      await page.waitForFunction(() => document.activeElement?.id === 'workflows-heading');

      await importAndCheck(page, exported.saved, 'Lifecycle report');
      await assertAccessible(page, '/workflows at 390 px after import', strict);
      await assertNoHorizontalScroll(page);

      await page.goto(
        `/workflows/${(await row('Lifecycle report').getByRole('link').first().getAttribute('href')).split('/').at(-1)}`,
      );
      await assertAccessible(page, '/workflows/[id] at 390 px', strict);
      await assertNoHorizontalScroll(page);
    },
  },
];
