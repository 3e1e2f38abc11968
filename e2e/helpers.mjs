// Shared helpers for the browser journeys: magic-link sign-up through the development mailbox, axe-core checks,
// same-origin API calls from the page, and a second `next start` on a free port for journeys that need their own env.
// Not a journey itself: run.mjs loads only files ending in .journey.mjs.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

export const repoRoot = path.resolve(import.meta.dirname, '..');

const axeSource = readFileSync(path.join(repoRoot, 'node_modules/axe-core/axe.min.js'), 'utf8');

/** The English, German, … messages of the app, e.g. `readMessages('de')`. */
export async function readMessages(locale) {
  return (await import(path.join(repoRoot, 'messages', `${locale}.json`), { with: { type: 'json' } })).default;
}

/** The magic link last mailed to `email`, read from the development mailbox at `base` (default: the shared server). */
export async function magicLinkFor(page, email, { base = '' } = {}) {
  await page.goto(`${base}/dev/mailbox`);
  const message = page
    .getByTestId('mailbox-email')
    .filter({ hasText: `To: ${email}` })
    .first();
  return message.locator('a[href*="/api/auth/callback/resend"]').getAttribute('href');
}

/**
 * Signs in by magic link (a new address signs up and gets a workspace) and waits for the page it lands on.
 * `email` defaults to a fresh `<prefix>-<time>@example.com`; `base` targets another server than the shared one;
 * `openSignIn: false` uses the sign-in form already on the page (keeping its callbackUrl); `landing` is what
 * `page.waitForURL` waits for after following the link. Returns the address and the link.
 */
export async function signUp(
  page,
  {
    prefix = 'e2e',
    email = `${prefix}-${Date.now()}@example.com`,
    base = '',
    openSignIn = true,
    landing = /\/dashboard/,
  } = {},
) {
  if (openSignIn) await page.goto(`${base}/signin`);
  // NOTE: when an operator login is configured the page has a second "Work email" field, in the operator form below.
  await page.getByLabel('Work email').first().fill(email);
  await page.getByRole('button', { name: 'Email me a sign-in link' }).click();
  await page.waitForURL(/\/signin\/check-email/);
  const link = await magicLinkFor(page, email, { base });
  assert.ok(link, 'the magic link is in the development mailbox');
  await page.goto(link);
  await page.waitForURL(landing);
  return { email, link };
}

/**
 * Runs axe-core on the current page. By default fails on any serious or critical violation of every axe rule
 * (best practices included); `strict: true` fails on every WCAG 2 A/AA violation, whatever its impact.
 */
export async function assertAccessible(page, label, { strict = false } = {}) {
  // NOTE: after a client-side navigation Next streams the new page's <title> in a moment later; check the settled page
  // (a page that never gets a title still fails here, on the timeout, or in axe's document-title rule).
  await page.waitForFunction(() => document.title.trim() !== '', null, { timeout: 5_000 });
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async (strict) => {
    const result = await window.axe.run(
      document,
      strict ? { runOnly: ['wcag2a', 'wcag2aa'] } : { resultTypes: ['violations'] },
    );
    return result.violations
      .filter((violation) => strict || violation.impact === 'serious' || violation.impact === 'critical')
      .map(
        (violation) =>
          `${violation.id} (${violation.impact}): ${violation.nodes
            .slice(0, 3)
            .map((node) => node.target.join(' '))
            .join(' | ')}`,
      );
  }, strict);
  assert.deepEqual(violations, [], `axe (${strict ? 'WCAG 2 A/AA' : 'serious or critical'}) on ${label}`);
}

/** Fails if the page scrolls sideways at its current viewport width. */
/**
 * Fills a field and checks it holds exactly `value`, filling again if not: a re-render between Playwright's select-all
 * and its typing (hydration, a live list refreshing) can leave the old text beside the new.
 */
export async function fillExactly(locator, value, attempts = 4) {
  for (let attempt = 1; ; attempt++) {
    await locator.fill(value);
    await locator.page().waitForTimeout(200);
    if ((await locator.inputValue()) === value) return;
    if (attempt === attempts) throw new Error(`the field holds "${await locator.inputValue()}", not "${value}"`);
  }
}

export async function assertNoHorizontalScroll(page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `no horizontal scroll at ${page.viewportSize().width} px (overflow ${overflow}px)`);
}

/** Calls the JSON API from inside the page, as the app's own scripts do (same origin, session cookie). */
export async function api(page, method, url, json) {
  return page.evaluate(
    async ({ method, url, json }) => {
      const response = await fetch(url, {
        method,
        headers: json === undefined ? {} : { 'content-type': 'application/json' },
        body: json === undefined ? undefined : JSON.stringify(json),
      });
      return { status: response.status, body: await response.json().catch(() => null) };
    },
    { method, url, json },
  );
}

/** Waits for the run page to show `status` (runs finish in the background). */
export async function waitForRunStatus(page, status) {
  await page.locator(`[data-testid="run-status"][data-status="${status}"]`).waitFor({ timeout: 30_000 });
}

/** A TCP port nothing listens on right now. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

/**
 * Starts another `next start` on a free port and a fresh data folder, with fresh secrets, the development mailbox
 * and `env` on top. Resolves `{ base, stop }` once it answers; `name` labels its data folder and errors.
 */
export async function startExtraServer({ name, env = {} }) {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const serverEnv = {
    ...process.env,
    NODE_ENV: 'production',
    APP_URL: base,
    LEVQOR_DATA_DIR: mkdtempSync(path.join(tmpdir(), `levqor-e2e-${name}-`)),
    AUTH_SECRET: randomBytes(32).toString('base64url'),
    ENCRYPTION_KEY: randomBytes(32).toString('base64'),
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
    LEVQOR_DEV_MAILBOX: '1',
    LEVQOR_DEV_MAILBOX_INSECURE: '1',
    ...env,
  };
  const server = spawn(
    process.execPath,
    [path.join(repoRoot, 'node_modules/next/dist/bin/next'), 'start', '-p', String(port)],
    { cwd: repoRoot, env: serverEnv, stdio: ['ignore', 'inherit', 'inherit'], detached: true },
  );
  // `next start` forks a next-server child: stop the whole process group.
  const stop = () => {
    try {
      process.kill(-server.pid, 'SIGTERM');
    } catch {
      server.kill();
    }
  };
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`the ${name} server: next start exited with code ${server.exitCode}`);
    if (
      await fetch(`${base}/api/system/pulse`).then(
        (r) => r.ok,
        () => false,
      )
    )
      return { base, stop };
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  stop();
  throw new Error(`the ${name} server did not answer within 60 s`);
}
