// Template journeys: browse the public library, filter it, open a template, sign in from it, use it, and find the
// new workflow through the API.
import assert from 'node:assert/strict';
import path from 'node:path';
import { api, assertAccessible, assertNoHorizontalScroll, readMessages, signUp, waitForRunStatus } from './helpers.mjs';

export const journeys = [
  {
    name: 'template library shows every template, filters by category and is localised',
    async run({ page, screenshotDir }) {
      const response = await page.goto('/');
      assert.equal(response.status(), 200);
      await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Templates' }).click();
      await page.waitForURL((url) => url.pathname === '/templates');
      const cards = page.getByTestId('template-card');
      const total = await cards.count();
      assert.ok(total >= 25, `at least 25 template cards (saw ${total})`);
      assert.equal(
        await page.getByRole('heading', { level: 1 }).innerText(),
        'Start from a workflow that already works',
      );
      // After a client-side navigation React swaps the head links a commit after the URL changes: wait for the
      // home page's canonical and alternates to go, then check there is exactly one of each for the library.
      await page.waitForFunction(() => {
        const canonical = document.querySelectorAll('link[rel="canonical"]');
        return canonical.length === 1 && new URL(canonical[0].href).pathname === '/templates';
      });
      assert.equal(await page.locator('link[rel="alternate"][hreflang="de"]').count(), 1);
      assert.equal(
        new URL(await page.locator('link[rel="alternate"][hreflang="de"]').getAttribute('href')).pathname,
        '/de/templates',
      );
      assert.equal(await page.locator('meta[name="robots"]').count(), 0, 'the library is indexable');
      await assertAccessible(page, 'template library', { strict: true });
      await page.screenshot({ path: path.join(screenshotDir, 'templates-en-1440.png') });

      const filters = page.getByRole('navigation', { name: 'Filter templates by category' });
      await filters.getByRole('link', { name: 'CRM' }).click();
      await page.waitForURL(/\/templates\?category=crm$/);
      const crm = await cards.count();
      assert.ok(crm >= 4 && crm < total, `the CRM filter shows 4 or more, not all (saw ${crm})`);
      assert.equal(await filters.getByRole('link', { name: 'CRM' }).getAttribute('aria-current'), 'page');

      await page.setViewportSize({ width: 390, height: 844 });
      await page.goto('/templates');
      await assertNoHorizontalScroll(page);
      await page.screenshot({ path: path.join(screenshotDir, 'templates-en-390.png') });

      const german = await readMessages('de');
      await page.goto('/de/templates/weekly-sales-report-email');
      assert.equal(
        await page.getByRole('heading', { level: 1 }).innerText(),
        german.templates.items['weekly-sales-report-email'].title,
      );
      assert.equal(await page.getByTestId('template-trigger').innerText(), 'Jeden Montag um 08:00');
      await page.goto('/ar/templates');
      assert.equal(await page.locator('html').getAttribute('dir'), 'rtl');
      assert.ok((await cards.count()) >= 25);
    },
  },
  {
    name: 'open a template, sign in from it, use it, and the API lists the new workflow',
    async run({ page, screenshotDir }) {
      await page.goto('/templates');
      await page.getByRole('link', { name: 'Weekly sales report email' }).click();
      await page.waitForURL((url) => url.pathname === '/templates/weekly-sales-report-email');
      assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), 'Weekly sales report email');
      assert.equal(await page.getByTestId('template-trigger').innerText(), 'Every Monday at 08:00');
      assert.equal(await page.getByTestId('template-steps').getByRole('listitem').count(), 2);
      assert.match(await page.title(), /Weekly sales report email/);
      await assertAccessible(page, 'template page', { strict: true });
      await page.screenshot({ path: path.join(screenshotDir, 'template-detail-en-1440.png') });

      await page.getByRole('link', { name: 'Sign in to use this template' }).click();
      await page.waitForURL(/\/signin\?/);
      assert.equal(new URL(page.url()).searchParams.get('callbackUrl'), '/templates/weekly-sales-report-email');
      await signUp(page, {
        prefix: 'templates',
        openSignIn: false,
        landing: (url) => url.pathname === '/templates/weekly-sales-report-email',
      });

      await page.getByRole('button', { name: 'Use this template' }).click();
      await page.waitForURL(/\/workflows\/[0-9a-f-]{36}$/);
      const workflowId = new URL(page.url()).pathname.split('/').at(-1);

      const listed = await page.request.get('/api/workflows');
      assert.equal(listed.status(), 200);
      const { workflows } = await listed.json();
      const created = workflows.find((workflow) => workflow.id === workflowId);
      assert.ok(created, 'GET /api/workflows lists the copied workflow');
      assert.equal(created.name, 'Weekly sales report email');
      assert.deepEqual(created.trigger, { type: 'schedule', cron: '0 8 * * 1', timezone: 'Europe/London' });

      // A template that needs no outside service runs to success, step by step, in the run timeline.
      await page.goto('/templates/webhook-payload-archive');
      await page.getByRole('button', { name: 'Use this template' }).click();
      await page.waitForURL(/\/workflows\/[0-9a-f-]{36}$/);
      const archiveId = new URL(page.url()).pathname.split('/').at(-1);
      const started = await api(page, 'POST', `/api/workflows/${archiveId}/runs`, {
        payload: { body: { order: 'T-1', total: 42 } },
      });
      assert.equal(started.status, 202);
      await page.goto(`/runs/${started.body.id}`);
      await waitForRunStatus(page, 'succeeded');
      const steps = page.getByTestId('timeline-step');
      assert.ok((await steps.count()) >= 2);
      assert.equal(await page.locator('[data-testid="timeline-step"]:not([data-status="succeeded"])').count(), 0);
    },
  },
];
