// Billing journeys. The first uses the shared server (no Stripe unless configured): prices show, checkout explains
// why it cannot take payment. The second starts its own `next start` wired to a local Stripe stand-in, runs
// `npm run stripe:sync` against it, and goes pricing → Stripe checkout → signed webhooks → plan active in the app.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { repoRoot, signUp, startExtraServer } from './helpers.mjs';
import { startStripeStandIn } from './stripe-stand-in.mjs';

/** `next start` on its own port and data folder, with Stripe pointed at the stand-in. */
function startBillingServer(stripe) {
  return startExtraServer({
    name: 'billing',
    env: {
      LEVQOR_SCHEDULER: 'off',
      STRIPE_SECRET_KEY: stripe.apiKey,
      STRIPE_WEBHOOK_SECRET: stripe.webhookSecret,
      STRIPE_API_BASE: stripe.url,
    },
  });
}

/** With no Stripe: the pricing page says so, and checkout answers a clear 503 to a signed-in owner. */
async function notConfigured(page, baseUrl) {
  await page.goto('/pricing');
  await page.getByTestId('billing-not-configured').waitFor();
  await signUp(page, { base: baseUrl, prefix: 'pricing' });
  const refused = await page.request.post(`${baseUrl}/api/billing/checkout`, {
    data: { price: 'levqor_growth_monthly' },
    headers: { origin: baseUrl },
  });
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
    const child = spawn(path.join(repoRoot, 'node_modules/.bin/tsx'), ['scripts/stripe-sync.ts'], {
      cwd: repoRoot,
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
      const stripe = await startStripeStandIn({
        apiKey: `sk_test_${randomBytes(8).toString('hex')}`,
        webhookSecret: `whsec_${randomBytes(16).toString('hex')}`,
      });
      let server = null;
      try {
        const sync = await runStripeSync(stripe);
        assert.equal(sync.status, 0, `npm run stripe:sync failed: ${sync.stderr}`);
        assert.match(sync.stdout, /29 created, 0 updated, 0 unchanged/);

        server = await startBillingServer(stripe);
        stripe.setWebhookUrl(`${server.base}/api/stripe/webhook`);
        await signUp(page, { base: server.base, prefix: 'billing' });

        await page.goto(`${server.base}/pricing`);
        assert.equal(await page.getByTestId('price-starter').innerText(), '£9');
        await page.getByTestId('choose-starter').click();
        await page.waitForURL((url) => url.href.startsWith(`${stripe.url}/pay/cs_`));
        assert.equal(await page.getByTestId('standin-amount').innerText(), 'GBP 9.00');
        await page.getByRole('button', { name: /^Pay/ }).click();

        await page.waitForURL((url) => url.href.startsWith(`${server.base}/welcome?session_id=cs_`));
        assert.equal(await page.getByTestId('welcome-title').innerText(), 'Welcome to Starter');
        await page.getByTestId('welcome-status').filter({ hasText: 'Your plan is active' }).waitFor();
        assert.deepEqual(
          stripe.delivered.map((d) => [d.type, d.status]),
          [
            ['checkout.session.completed', 200],
            ['customer.subscription.created', 200],
            ['invoice.paid', 200],
          ],
        );

        await page.goto(`${server.base}/billing`);
        assert.equal(await page.getByTestId('billing-plan').innerText(), 'Starter');
        assert.equal(await page.getByTestId('billing-status').innerText(), 'Active');
        assert.equal(await page.getByTestId('credits-available').innerText(), '500 available');
        await page.getByRole('button', { name: 'Manage billing' }).waitFor();
        await page.screenshot({ path: path.join(screenshotDir, 'billing-1440.png'), fullPage: true });

        // Stripe may deliver again, late and out of order: replaying every event twice, shuffled, changes nothing.
        const events = stripe.delivered.map((d) => d.event);
        const replay = [...events, ...events]
          .map((event) => ({ event, key: Math.random() }))
          .sort((a, b) => a.key - b.key)
          .map(({ event }) => event);
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
