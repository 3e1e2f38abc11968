// Billing journeys. The first uses the shared server (no Stripe unless configured): prices show, checkout explains
// why it cannot take payment. The second starts its own `next start` wired to a local Stripe stand-in, runs
// `npm run stripe:sync` against it, and goes pricing → Stripe checkout → signed webhooks → plan active in the app.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startStripeStandIn } from './stripe-stand-in.mjs';

const root = path.resolve(import.meta.dirname, '..');

async function signUp(page, base, email) {
  await page.goto(`${base}/signin`);
  await page.getByLabel('Work email').fill(email);
  await page.getByRole('button', { name: 'Email me a sign-in link' }).click();
  await page.waitForURL(/\/signin\/check-email/);
  await page.goto(`${base}/dev/mailbox`);
  const message = page.getByTestId('mailbox-email').filter({ hasText: `To: ${email}` }).first();
  const link = await message.locator('a[href*="/api/auth/callback/resend"]').getAttribute('href');
  assert.ok(link, 'the magic link is in the development mailbox');
  await page.goto(link);
  await page.waitForURL(/\/dashboard/);
}

function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

/** `next start` on its own port and data folder, with Stripe pointed at the stand-in. */
async function startBillingServer(stripe) {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const env = {
    ...process.env,
    NODE_ENV: 'production',
    APP_URL: base,
    LEVQOR_DATA_DIR: mkdtempSync(path.join(tmpdir(), 'levqor-e2e-billing-')),
    AUTH_SECRET: randomBytes(32).toString('base64url'),
    ENCRYPTION_KEY: randomBytes(32).toString('base64'),
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
    LEVQOR_DEV_MAILBOX: '1',
    LEVQOR_SCHEDULER: 'off',
    STRIPE_SECRET_KEY: stripe.apiKey,
    STRIPE_WEBHOOK_SECRET: stripe.webhookSecret,
    STRIPE_API_BASE: stripe.url,
  };
  const server = spawn(process.execPath, [path.join(root, 'node_modules/next/dist/bin/next'), 'start', '-p', String(port)], { cwd: root, env, stdio: ['ignore', 'inherit', 'inherit'], detached: true });
  const stop = () => {
    try {
      process.kill(-server.pid, 'SIGTERM');
    } catch {
      server.kill();
    }
  };
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`next start exited with code ${server.exitCode}`);
    if (await fetch(`${base}/api/system/pulse`).then((r) => r.ok, () => false)) return { base, stop };
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  stop();
  throw new Error('the billing server did not answer within 60 s');
}

/** With no Stripe: the pricing page says so, and checkout answers a clear 503 to a signed-in owner. */
async function notConfigured(page, baseUrl) {
  await page.goto('/pricing');
  await page.getByTestId('billing-not-configured').waitFor();
  await signUp(page, baseUrl, `pricing-${Date.now()}@example.com`);
  const refused = await page.request.post(`${baseUrl}/api/billing/checkout`, { data: { price: 'levqor_growth_monthly' }, headers: { origin: baseUrl } });
  assert.equal(refused.status(), 503);
  const { error } = await refused.json();
  assert.equal(error.code, 'not_configured');
  assert.match(error.message, /^Billing is not configured/);
  await page.goto('/billing');
  assert.equal(await page.getByTestId('billing-plan').innerText(), 'Free');
}

/** Runs `npm run stripe:sync` (the real script) against the stand-in, without blocking the stand-in's event loop. */
function runStripeSync(stripe) {
  return new Promise((resolve, reject) => {
    const child = spawn(path.join(root, 'node_modules/.bin/tsx'), ['scripts/stripe-sync.ts'], {
      cwd: root,
      env: { ...process.env, STRIPE_SECRET_KEY: stripe.apiKey, STRIPE_API_BASE: stripe.url, LOG_LEVEL: 'silent' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

export const journeys = [
  {
    name: 'pricing shows regional prices; checkout explains when billing is not configured',
    async run({ page, baseUrl, screenshotDir }) {
      await page.goto('/pricing');
      await page.getByRole('heading', { level: 1, name: 'Simple pricing that grows with you' }).waitFor();
      await page.screenshot({ path: path.join(screenshotDir, 'pricing-1440.png'), fullPage: true });
      assert.equal(await page.getByTestId('price-growth').innerText(), '£29');
      await page.getByRole('radio', { name: /Yearly/ }).click();
      assert.equal(await page.getByTestId('price-growth').innerText(), '£290');
      assert.match(await page.getByTestId('item-levqor_dfy_starter').innerText(), /£299/);

      await page.goto('/pricing?region=united_states');
      assert.match(await page.getByTestId('region-notice').innerText(), /United States, in USD/);
      assert.equal(await page.getByTestId('price-growth').innerText(), '$39');

      const health = await (await page.request.get(`${baseUrl}/api/health/summary`)).json();
      if (health.services.payments === 'not_configured') await notConfigured(page, baseUrl);

      // Last: visiting a German page remembers German for the unprefixed URLs that follow.
      await page.goto('/de/pricing');
      assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), 'Einfache Preise, die mit Ihnen wachsen');
      assert.equal(await page.locator('html').getAttribute('lang'), 'de');
    },
  },
  {

    name: 'pricing → checkout on the Stripe stand-in → signed webhooks → plan active in the app',
    async run({ page, screenshotDir }) {
      const stripe = await startStripeStandIn({ apiKey: `sk_test_${randomBytes(8).toString('hex')}`, webhookSecret: `whsec_${randomBytes(16).toString('hex')}` });
      let server = null;
      try {
        const sync = await runStripeSync(stripe);
        assert.equal(sync.status, 0, `npm run stripe:sync failed: ${sync.stderr}`);
        assert.match(sync.stdout, /29 created, 0 updated, 0 unchanged/);

        server = await startBillingServer(stripe);
        stripe.setWebhookUrl(`${server.base}/api/stripe/webhook`);
        const email = `billing-${Date.now()}@example.com`;
        await signUp(page, server.base, email);

        await page.goto(`${server.base}/pricing`);
        assert.equal(await page.getByTestId('price-starter').innerText(), '£9');
        await page.getByTestId('choose-starter').click();
        await page.waitForURL((url) => url.href.startsWith(`${stripe.url}/pay/cs_`));
        assert.equal(await page.getByTestId('standin-amount').innerText(), 'GBP 9.00');
        await page.getByRole('button', { name: /^Pay/ }).click();

        await page.waitForURL((url) => url.href.startsWith(`${server.base}/welcome?session_id=cs_`));
        assert.equal(await page.getByTestId('welcome-title').innerText(), 'Welcome to Starter');
        await page.getByTestId('welcome-status').filter({ hasText: 'Your plan is active' }).waitFor();
        assert.deepEqual(stripe.delivered.map((d) => [d.type, d.status]), [
          ['checkout.session.completed', 200],
          ['customer.subscription.created', 200],
          ['invoice.paid', 200],
        ]);

        await page.goto(`${server.base}/billing`);
        assert.equal(await page.getByTestId('billing-plan').innerText(), 'Starter');
        assert.equal(await page.getByTestId('billing-status').innerText(), 'Active');
        assert.equal(await page.getByTestId('credits-available').innerText(), '500 available');
        await page.getByRole('button', { name: 'Manage billing' }).waitFor();
        await page.screenshot({ path: path.join(screenshotDir, 'billing-1440.png'), fullPage: true });

        // Stripe may deliver again, late and out of order: replaying every event twice, shuffled, changes nothing.
        const events = stripe.delivered.map((d) => d.event);
        const replay = [...events, ...events].map((event) => ({ event, key: Math.random() })).sort((a, b) => a.key - b.key).map(({ event }) => event);
        for (const event of replay) {
          const response = await stripe.deliver(event);
          assert.deepEqual([response.status, JSON.parse(response.body)], [200, { received: true, duplicate: true }]);
        }
        await page.reload();
        assert.equal(await page.getByTestId('billing-plan').innerText(), 'Starter');
        assert.equal(await page.getByTestId('credits-available').innerText(), '500 available');
        await page.goto(`${server.base}/billing/usage`);
        assert.equal(await page.getByTestId('ledger-row').count(), 1);
      } finally {
        server?.stop();
        await stripe.close();
      }
    },
  },
];
