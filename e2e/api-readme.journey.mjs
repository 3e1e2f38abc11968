// The README's Public API examples run as written (bash -euo pipefail, curl, the documented JSON out) against a real
// server with a real key and workflow; and /docs/api shows the guide and the Scalar reference at 1440 and 390 px with
// no request to another origin and no console error.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { api, assertNoHorizontalScroll, readMessages, repoRoot, signUp } from './helpers.mjs';

const axeSource = readFileSync(path.join(repoRoot, 'node_modules/axe-core/axe.min.js'), 'utf8');

/** The ```sh blocks marked `<!-- api-example -->` in README.md, in order. */
function readmeExamples() {
  const readme = readFileSync(path.join(repoRoot, 'README.md'), 'utf8');
  return [...readme.matchAll(/<!-- api-example -->\s*\n```sh\n([\s\S]*?)\n```/g)].map((match) => match[1]);
}

function runExample(script, env) {
  const result = spawnSync('bash', ['-euo', 'pipefail', '-c', script], {
    env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env },
    encoding: 'utf8',
    timeout: 60_000,
  });
  assert.equal(
    result.status,
    0,
    `exit ${result.status}:\n${script}\n--- stdout\n${result.stdout}\n--- stderr\n${result.stderr}`,
  );
  return result.stdout;
}

/**
 * axe-core on the page around the reference: serious or critical violations fail. NOTE: Scalar's own markup is left
 * out (third-party, not ours to fix); the guide, the chrome and everything else are checked.
 */
async function assertAccessibleAroundReference(page, label) {
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const result = await window.axe.run(
      { exclude: [['[data-testid="api-reference"]']] },
      { resultTypes: ['violations'] },
    );
    return result.violations
      .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
      .map(
        (violation) =>
          `${violation.id}: ${violation.nodes
            .slice(0, 3)
            .map((node) => node.target.join(' '))
            .join(' | ')}`,
      );
  });
  assert.deepEqual(violations, [], `axe (serious or critical) on ${label}`);
}

/** Same-origin check: every request the page made went to the app itself. */
function trackForeignRequests(page, baseUrl) {
  const origin = new URL(baseUrl).origin;
  const foreign = [];
  page.on('request', (request) => {
    const url = request.url();
    if (url.startsWith('data:') || url.startsWith('blob:')) return;
    if (new URL(url).origin !== origin) foreign.push(url);
  });
  return foreign;
}

// NOTE: on localhost/127.0.0.1 only, Scalar always mounts its "Ask AI" agent, which fetches its registry through
// proxy.scalar.com; the page's CSP (connect-src 'self') blocks that and the browser logs it. On a real host name the
// agent is off (no `agent` in the configuration), so those two blocked-fetch messages are the only ones let through.
const LOCAL_SCALAR_AGENT_BLOCKED = /https:\/\/proxy\.scalar\.com\/.*(Content Security Policy|violates)/;

function trackConsoleErrors(page) {
  const errors = [];
  page.on('console', (message) => {
    if (message.type() === 'error' && !LOCAL_SCALAR_AGENT_BLOCKED.test(message.text())) errors.push(message.text());
  });
  return errors;
}

export const journeys = [
  {
    name: 'the README Public API examples run as written against a real key and workflow',
    async run({ page, baseUrl }) {
      await signUp(page, { prefix: 'api-readme' });
      const created = await api(page, 'POST', '/api/api-keys', { name: 'README examples', scopes: ['read', 'write'] });
      assert.equal(created.status, 201, JSON.stringify(created.body));
      const workflow = await api(page, 'POST', '/api/workflows', {
        name: 'README order note',
        trigger: { type: 'manual' },
        steps: [{ id: 'note', type: 'log', config: { message: 'order {{trigger.payload.order}}' } }],
      });
      assert.equal(workflow.status, 201, JSON.stringify(workflow.body));
      const enabled = await api(page, 'PATCH', `/api/workflows/${workflow.body.id}`, { enabled: true });
      assert.equal(enabled.status, 200, JSON.stringify(enabled.body));
      // Two earlier runs, so that paging with limit=2 has a second page.
      for (const order of ['A-1040', 'A-1041']) {
        const run = await api(page, 'POST', `/api/workflows/${workflow.body.id}/runs`, { payload: { order } });
        assert.ok(run.status < 300, JSON.stringify(run.body));
      }

      const examples = readmeExamples();
      assert.equal(examples.length, 4, 'README has four <!-- api-example --> blocks');
      const env = { LEVQOR_URL: baseUrl, LEVQOR_API_KEY: created.body.key, WORKFLOW_ID: workflow.body.id };
      const [list, trigger, getRun, paging] = examples.map((script) => runExample(script, env));

      assert.match(list, /^\{"data":\[/);
      assert.ok(list.includes(`"id":"${workflow.body.id}"`), `the workflow is listed: ${list}`);
      assert.match(trigger, /"status":"succeeded"/, `the triggered run finished within the wait: ${trigger}`);
      const runId = /"id":"([^"]+)"/.exec(trigger)[1];
      assert.ok(getRun.includes(`"id":"${runId}"`), `the latest run is the one just triggered: ${getRun}`);
      assert.match(getRun, /"status":"succeeded"/);
      assert.match(getRun, /"stepId":"note"/, 'the run comes with its step timeline');

      // Repeating the trigger with the same Idempotency-Key answers the same run.
      assert.ok(runExample(examples[1], env).includes(`"id":"${runId}"`), 'the repeat answers the same run');

      const pages = paging.trim().split('\n');
      assert.equal(pages.length, 2, `three runs in pages of two: ${paging}`);
      const ids = pages.flatMap((line) => {
        const body = JSON.parse(line);
        return body.data.map((run) => run.id);
      });
      assert.equal(new Set(ids).size, 3, `every run once across the pages: ${ids}`);
      assert.equal(JSON.parse(pages[1]).nextCursor, null);
    },
  },
  {
    name: 'the API docs page shows the guide and the reference, all from its own origin',
    async run({ page, baseUrl }) {
      const m = (await readMessages('en')).docsApi;
      const de = (await readMessages('de')).docsApi;
      const foreign = trackForeignRequests(page, baseUrl);
      const consoleErrors = trackConsoleErrors(page);
      const document = await (await fetch(`${baseUrl}/api/openapi.json`)).json();
      const firstOperation = Object.values(Object.values(document.paths)[0])[0].summary;

      for (const width of [1440, 390]) {
        await page.setViewportSize({ width, height: width > 500 ? 900 : 844 });
        await page.goto('/docs/api');
        await page.getByRole('heading', { level: 1, name: m.title }).waitFor();
        const guide = page.getByTestId('api-guide');
        await guide.getByRole('heading', { name: 'Trigger a run' }).waitFor();
        await guide.getByRole('heading', { name: 'Verify a webhook signature' }).waitFor();
        assert.match(await guide.innerText(), /Idempotency-Key/);
        assert.equal(await page.getByTestId('openapi-link').getAttribute('href'), '/api/openapi.json');
        await page.locator('[data-testid="api-reference"][data-loaded="true"]').waitFor({ timeout: 30_000 });
        await page.getByTestId('api-reference').getByText(firstOperation).first().waitFor({ timeout: 30_000 });
        await page.waitForLoadState('networkidle');
        await assertNoHorizontalScroll(page);
        await assertAccessibleAroundReference(page, `/docs/api at ${width} px`);
      }

      // Other locales: translated chrome and headings, the guide in English with a note saying so.
      await page.goto('/de/docs/api');
      await page.getByRole('heading', { level: 1, name: de.title }).waitFor();
      await page.getByTestId('guide-english-only').filter({ hasText: de.englishOnly }).waitFor();
      assert.equal(await page.getByTestId('api-guide').getAttribute('lang'), 'en');
      assert.equal(
        await page.locator('link[rel="canonical"]').getAttribute('href'),
        new URL('/de/docs/api', baseUrl).toString(),
      );
      await page.locator('[data-testid="api-reference"][data-loaded="true"]').waitFor({ timeout: 30_000 });

      // Reachable from the footer (German now: the visit above chose the locale) and listed in the sitemap.
      await page.goto('/de');
      const footerLink = (await readMessages('de')).footer.apiDocs;
      await page.getByRole('contentinfo').getByRole('link', { name: footerLink }).click();
      await page.waitForURL(/\/de\/docs\/api$/);
      const sitemap = await (await fetch(`${baseUrl}/sitemap.xml`)).text();
      assert.match(sitemap, /\/docs\/api<\/loc>/, 'the sitemap lists /docs/api');

      assert.deepEqual(foreign, [], 'every request of the page goes to its own origin');
      assert.deepEqual(consoleErrors, [], 'no console errors');
      await page.setViewportSize({ width: 1440, height: 900 });
    },
  },
];
