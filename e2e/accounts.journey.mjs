// Account journeys: sign up by magic link from the development mailbox, land in a new workspace,
// create and use an API key, revoke it, sign out.
import assert from 'node:assert/strict';
import { signUp } from './helpers.mjs';

export const journeys = [
  {
    name: 'private pages redirect to sign-in in the visitor language',
    async run({ page }) {
      await page.goto('/de/dashboard');
      const url = new URL(page.url());
      assert.equal(url.pathname, '/de/signin');
      assert.equal(url.searchParams.get('callbackUrl'), '/de/dashboard');
      assert.equal(await page.locator('html').getAttribute('lang'), 'de');
      assert.equal(await page.locator('meta[name="robots"]').getAttribute('content'), 'noindex, nofollow');
    },
  },
  {
    name: 'sign up by magic link, create an API key, use it, revoke it, sign out',
    async run({ page, context, baseUrl }) {
      const { email } = await signUp(page, { prefix: 'e2e' });
      assert.match(await page.getByTestId('dashboard-title').innerText(), /e2e-\d+'s workspace/);
      assert.equal(await page.getByTestId('signed-in-email').innerText(), email);
      assert.equal(await page.locator('meta[name="robots"]').getAttribute('content'), 'noindex, nofollow');

      await page.goto('/settings/api-keys');
      await page.getByLabel('Name').fill('CI integration');
      await page.getByRole('button', { name: 'Create key' }).click();
      const key = await page.getByTestId('new-api-key').innerText();
      assert.match(key, /^lvq_live_[A-Za-z0-9_-]{43}$/);
      await page.getByTestId('api-key-row').filter({ hasText: 'CI integration' }).waitFor();

      const api = context.request;
      const me = await api.get(`${baseUrl}/api/me`, { headers: { authorization: `Bearer ${key}` } });
      assert.equal(me.status(), 200);
      assert.equal((await me.json()).via, 'apiKey');
      assert.ok(me.headers()['ratelimit-limit'], 'rate limit headers on API-key requests');

      page.once('dialog', (dialog) => dialog.accept());
      await page.getByTestId('api-key-row').filter({ hasText: 'CI integration' }).getByRole('button', { name: 'Revoke' }).click();
      await page.getByTestId('api-key-row').filter({ hasText: 'Revoked' }).waitFor();
      const refused = await api.get(`${baseUrl}/api/me`, { headers: { authorization: `Bearer ${key}` } });
      assert.equal(refused.status(), 401);

      await page.goto('/settings/audit');
      const actions = await page.getByTestId('audit-row').allInnerTexts();
      for (const action of ['api_key.revoked', 'api_key.created', 'auth.sign_in', 'workspace.created']) {
        assert.ok(actions.some((row) => row.includes(action)), `audit log shows ${action}`);
      }

      await page.goto('/dashboard');
      await page.getByRole('button', { name: 'Sign out' }).click();
      await page.waitForURL((url) => url.pathname === '/');
      await page.goto('/dashboard');
      assert.equal(new URL(page.url()).pathname, '/signin');
    },
  },
  {
    name: 'a magic link works only once',
    async run({ page, context, baseUrl }) {
      const { link } = await signUp(page, { prefix: 'once' });
      await context.clearCookies();
      await page.goto(link);
      const url = new URL(page.url());
      assert.equal(url.origin, baseUrl, 'stays on the public origin');
      assert.equal(url.pathname, '/signin');
      assert.equal(url.searchParams.get('error'), 'Verification');
      await page.getByRole('alert').filter({ hasText: /expired or was already used/ }).waitFor();
    },
  },
];
