// Signed webhook journey, at 1440 and 390 px: create a webhook workflow, tick "Require a signed request", save, and the
// page shows the signing secret once with curl and Node examples; a body signed with node:crypto and that secret is
// accepted (202) and its run shows in the app, an unsigned one gets 401; the secret is gone after a reload; rotating
// shows a new one while the old keeps working. axe-core: no WCAG 2 A/AA violation with the secret panel open.
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import path from 'node:path';
import { api, assertAccessible, assertNoHorizontalScroll, signUp, waitForRunStatus } from './helpers.mjs';

/** POSTs `body` to the webhook URL from Node (as a customer's server would), signed with `secret` when given. */
async function deliver(url, body, secret) {
  const headers = { 'content-type': 'application/json' };
  if (secret) headers['x-levqor-signature'] = `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
  const response = await fetch(url, { method: 'POST', headers, body });
  return { status: response.status, body: await response.json().catch(() => null) };
}

function signedWebhookJourney(width) {
  return {
    name: `turn on signed webhooks, copy the secret shown once, and deliver a signed body (${width} px)`,
    async run({ page, screenshotDir }) {
      await signUp(page, { prefix: `signed-${width}` });
      await page.setViewportSize({ width, height: 900 });
      await page.goto('/workflows');
      const created = await api(page, 'POST', '/api/workflows', {
        name: 'E2E signed orders',
        trigger: { type: 'webhook' },
        steps: [{ id: 'note', type: 'log', config: { message: 'Order {{trigger.payload.body.order}}' } }],
      });
      assert.equal(created.status, 201);
      const { id: workflowId, webhookUrl } = created.body;
      await page.goto(`/workflows/${workflowId}`);
      assert.equal(await page.getByTestId('webhook-signing-panel').count(), 0, 'no signing panel while signing is off');

      // Tick the box: its help text says what happens after saving; save, and the secret appears once.
      const checkbox = page.getByLabel('Require a signed request (x-levqor-signature)');
      const hint = page.locator(`[id="${await checkbox.getAttribute('aria-describedby')}"]`);
      assert.match(await hint.innerText(), /After you save, this page shows the signing secret once/);
      await checkbox.check();
      await page.getByRole('button', { name: 'Save as new version' }).click();
      await page.getByTestId('visual-editor-status').filter({ hasText: 'Saved as version 2.' }).waitFor();
      const panel = page.getByTestId('webhook-signing-panel');
      const secretBox = panel.getByTestId('webhook-signing-secret');
      await secretBox.waitFor({ timeout: 15_000 });
      const secret = await secretBox.innerText();
      assert.match(secret, /^[\w-]{43}$/);
      await panel.getByText('you will not see it again').waitFor();
      await panel.getByRole('button', { name: 'Copy the signing secret' }).waitFor();
      const curl = await panel.getByTestId('webhook-signing-curl').innerText();
      const node = await panel.getByTestId('webhook-signing-node').innerText();
      for (const example of [curl, node]) {
        assert.ok(example.includes(secret), 'the example carries the secret');
        assert.ok(example.includes(webhookUrl), 'the example posts to the webhook URL');
      }
      assert.match(curl, /openssl dgst -sha256 -hmac/);
      assert.match(node, /createHmac\('sha256', secret\)/);
      await assertAccessible(page, `/workflows/[id] with the signing secret shown (${width} px)`, { strict: true });
      await assertNoHorizontalScroll(page);
      await page.screenshot({ path: path.join(screenshotDir, `signed-webhook-secret-${width}.png`), fullPage: true });

      // A customer's server signs the raw body with node:crypto: 202 and a run; unsigned and wrongly signed: 401.
      const body = JSON.stringify({ order: `A-${width}` });
      const signed = await deliver(webhookUrl, body, secret);
      assert.equal(signed.status, 202, JSON.stringify(signed.body));
      assert.equal((await deliver(webhookUrl, body)).status, 401);
      assert.equal((await deliver(webhookUrl, body, 'not-the-secret')).status, 401);
      const fetched = await api(page, 'GET', `/api/workflows/${workflowId}`);
      assert.ok(!JSON.stringify(fetched.body).includes(secret), 'GET /api/workflows/:id never carries the secret');
      await page.goto(`/runs/${signed.body.runId}`);
      await waitForRunStatus(page, 'succeeded');
      await page.goto(`/runs?workflowId=${workflowId}`);
      assert.equal(await page.getByTestId('run-row').count(), 1, 'only the signed delivery started a run');
      await page.goto(`/workflows/${workflowId}?tab=overview`);

      // Shown once: after a reload the page says when it was shown and holds no secret.
      await page.getByTestId('webhook-signing-status').filter({ hasText: 'cannot be shown again' }).waitFor();
      assert.ok(!(await page.content()).includes(secret), 'the secret is not on the page again');

      // Rotate: a new secret, shown once; the old one keeps working through the grace period.
      await panel.getByRole('button', { name: 'Rotate secret' }).click();
      await panel.getByRole('button', { name: 'Rotate now' }).click();
      await secretBox.waitFor();
      const rotated = await secretBox.innerText();
      assert.notEqual(rotated, secret);
      await panel
        .getByTestId('webhook-signing-grace')
        .filter({ hasText: 'The previous secret keeps working until' })
        .waitFor();
      await assertAccessible(page, `/workflows/[id] overview after a rotation (${width} px)`, { strict: true });
      assert.equal((await deliver(webhookUrl, body, rotated)).status, 202);
      assert.equal((await deliver(webhookUrl, JSON.stringify({ order: 'old' }), secret)).status, 202);
      await panel.getByRole('button', { name: 'I have stored the secret' }).click();
      await secretBox.waitFor({ state: 'detached' });
    },
  };
}

export const journeys = [signedWebhookJourney(1440), signedWebhookJourney(390)];
