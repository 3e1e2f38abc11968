// Account journeys: sign up by magic link from the development mailbox, land in a new workspace,
// create and use an API key, revoke it, sign out (a copied session cookie stops working), sign out of all devices.
import assert from 'node:assert/strict';
import { readMessages, signUp } from './helpers.mjs';

/** The browser's session cookie as a `Cookie` header, to replay it from outside the browser (as a thief would). */
async function copySessionCookie(context) {
  const cookie = (await context.cookies()).find((candidate) =>
    /^(__Secure-)?authjs\.session-token$/.test(candidate.name),
  );
  assert.ok(cookie, 'the browser holds a session cookie');
  return `${cookie.name}=${cookie.value}`;
}

/** GET /api/me with only the given cookie, from outside the browser. */
const meWithCookie = async (baseUrl, cookie) => (await fetch(`${baseUrl}/api/me`, { headers: { cookie } })).status;

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
      await page
        .getByTestId('api-key-row')
        .filter({ hasText: 'CI integration' })
        .getByRole('button', { name: 'Revoke' })
        .click();
      await page.getByTestId('api-key-row').filter({ hasText: 'Revoked' }).waitFor();
      const refused = await api.get(`${baseUrl}/api/me`, { headers: { authorization: `Bearer ${key}` } });
      assert.equal(refused.status(), 401);

      await page.goto('/settings/audit');
      const actions = await page.getByTestId('audit-row').allInnerTexts();
      for (const action of ['api_key.revoked', 'api_key.created', 'auth.sign_in', 'workspace.created']) {
        assert.ok(
          actions.some((row) => row.includes(action)),
          `audit log shows ${action}`,
        );
      }

      await page.goto('/dashboard');
      const copied = await copySessionCookie(context);
      assert.equal(await meWithCookie(baseUrl, copied), 200, 'the copied cookie works while signed in');
      await page.getByRole('button', { name: 'Sign out' }).click();
      await page.waitForURL((url) => url.pathname === '/');
      await page.goto('/dashboard');
      assert.equal(new URL(page.url()).pathname, '/signin');
      assert.equal(await meWithCookie(baseUrl, copied), 401, 'signing out ends the session, not just the cookie');
    },
  },
  {
    name: 'sign out of all devices from the security settings',
    async run({ page, context, baseUrl }) {
      const { email } = await signUp(page, { prefix: 'everywhere' });
      const copied = await copySessionCookie(context);
      await page.goto('/settings/security');
      await page.getByRole('link', { name: 'Security' }).waitFor();
      page.once('dialog', (dialog) => dialog.accept());
      await page.getByRole('button', { name: 'Sign out of all devices' }).click();
      await page.waitForURL((url) => url.pathname === '/signin');
      assert.equal(await meWithCookie(baseUrl, copied), 401, 'the other device is signed out');
      await page.goto('/dashboard');
      assert.equal(new URL(page.url()).pathname, '/signin', 'this browser is signed out too');
      await signUp(page, { email });
      assert.equal(await page.getByTestId('signed-in-email').innerText(), email, 'signing in again works');

      // The public pages are static: a signed-in visitor is offered the app instead of signing in, in their language.
      const { nav } = await readMessages('de');
      await page.goto('/de');
      const openApp = page.getByRole('banner').getByRole('link', { name: nav.openApp });
      await openApp.waitFor();
      assert.equal(await openApp.getAttribute('href'), '/de/dashboard');
      assert.equal(
        await page.getByRole('banner').getByRole('link', { name: nav.signIn }).count(),
        0,
        'no sign-in link',
      );
      await openApp.click();
      await page.waitForURL((url) => url.pathname === '/de/dashboard');
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
      await page
        .getByRole('alert')
        .filter({ hasText: /expired or was already used/ })
        .waitFor();
    },
  },
];
