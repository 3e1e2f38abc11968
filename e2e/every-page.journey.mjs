// Every page a customer can open, checked at 1440 and 390 px: axe finds no WCAG 2 A/AA violation and nothing scrolls
// the page sideways. Run in English and in Arabic (right to left). The workspace has a workflow, a finished run, an
// approval waiting and a backup snapshot, so lists and detail pages show real rows rather than their empty states.
import assert from 'node:assert/strict';
import { api, assertAccessible, assertNoHorizontalScroll, signUp } from './helpers.mjs';

const definition = {
  name: 'Every page check',
  trigger: { type: 'manual' },
  steps: [
    { id: 'shape', name: 'Shape', type: 'transform', config: { value: { rows: [{ id: 1, total: 5 }] } } },
    {
      id: 'keep',
      name: 'Keep a copy',
      type: 'backup',
      config: { name: 'Order totals', format: 'json', data: '{{steps.shape.output}}' },
    },
    { id: 'ask', name: 'Ask before finishing', type: 'approval', config: { message: 'Finish?' } },
  ],
};

const sitePages = ['/', '/pricing', '/templates', '/signin'];
const appPages = (workflowId, runId) => [
  '/dashboard',
  '/workflows',
  '/workflows/templates',
  `/workflows/${workflowId}`,
  `/workflows/${workflowId}?tab=visual`,
  '/runs',
  `/runs/${runId}`,
  '/approvals',
  '/failure-queue',
  '/backups',
  '/billing',
  '/settings/profile',
  '/settings/workspace',
  '/settings/connections',
  '/settings/webhooks',
  '/settings/members',
  '/settings/api-keys',
  '/settings/audit',
  '/settings/security',
  '/help',
  '/help?q=retry',
  '/help/getting-started',
];

async function sweep(page, paths, prefix) {
  for (const width of [1440, 390]) {
    await page.setViewportSize({ width, height: 900 });
    for (const path of paths) {
      const response = await page.goto(`${prefix}${path}`);
      assert.ok(response && response.status() < 400, `${prefix}${path} answers ${response?.status()}`);
      await assertAccessible(page, `${prefix}${path} at ${width} px`, { strict: true });
      await assertNoHorizontalScroll(page);
    }
  }
}

export const journeys = [
  {
    name: 'every page passes axe (WCAG 2 A/AA) and fits at 1440 and 390 px, in English and Arabic',
    async run({ page }) {
      await sweep(page, sitePages, '');
      await signUp(page, { prefix: 'every-page' });
      const created = await api(page, 'POST', '/api/workflows', definition);
      assert.equal(created.status, 201, JSON.stringify(created.body));
      const workflowId = created.body.id;
      const started = await api(page, 'POST', `/api/workflows/${workflowId}/runs`, { payload: {} });
      assert.ok(started.status < 300, JSON.stringify(started.body));
      const runId = started.body.runId ?? started.body.id;
      await page.goto(`/runs/${runId}`);
      await page.getByTestId('run-status').waitFor();
      await sweep(page, appPages(workflowId, runId), '');
      await sweep(
        page,
        [
          '/dashboard',
          '/workflows/templates',
          `/workflows/${workflowId}?tab=visual`,
          '/runs',
          `/runs/${runId}`,
          '/approvals',
          '/backups',
          '/settings/profile',
          '/settings/workspace',
          '/settings/connections',
          '/settings/webhooks',
          '/settings/audit',
          '/help',
          '/help/getting-started',
        ],
        '/ar',
      );
    },
  },
];
