// Public site journeys: home in English, German and Arabic, the language switcher, pulse, headers, layout stability.
import assert from 'node:assert/strict';
import path from 'node:path';
import { assertNoHorizontalScroll, readMessages } from './helpers.mjs';

async function expectHome(page, { lang, dir, locale }) {
  const messages = await readMessages(locale);
  assert.equal(await page.locator('html').getAttribute('lang'), lang);
  assert.equal(await page.locator('html').getAttribute('dir'), dir);
  const heading = await page.getByRole('heading', { level: 1 }).innerText();
  assert.ok(heading.includes(messages.home.hero.title), `h1 "${heading}" should contain "${messages.home.hero.title}"`);
}

export const journeys = [
  {
    name: 'home page in English',
    async run({ page, screenshotDir }) {
      const response = await page.goto('/');
      assert.equal(response.status(), 200);
      await expectHome(page, { lang: 'en', dir: 'ltr', locale: 'en' });
      assert.match(await page.title(), /Levqor/);
      assert.ok(await page.locator('meta[property="og:title"]').count(), 'Open Graph title present');
      // Static pages carry the APP_URL of build time, so compare the path only.
      assert.equal(new URL(await page.locator('link[rel="alternate"][hreflang="de"]').getAttribute('href')).pathname, '/de');
      await page.screenshot({ path: path.join(screenshotDir, 'home-en-1440.png'), fullPage: false });
      await page.setViewportSize({ width: 390, height: 844 });
      await page.screenshot({ path: path.join(screenshotDir, 'home-en-390.png'), fullPage: false });
      await assertNoHorizontalScroll(page);
    },
  },
  {
    name: 'home page in German',
    async run({ page }) {
      await page.goto('/de');
      await expectHome(page, { lang: 'de', dir: 'ltr', locale: 'de' });
    },
  },
  {
    name: 'home page in Arabic, right to left',
    async run({ page, screenshotDir }) {
      await page.goto('/ar');
      await expectHome(page, { lang: 'ar', dir: 'rtl', locale: 'ar' });
      const direction = await page.evaluate(() => getComputedStyle(document.body).direction);
      assert.equal(direction, 'rtl');
      await page.screenshot({ path: path.join(screenshotDir, 'home-ar-1440.png') });
    },
  },
  {
    name: 'language switcher changes the language and remembers it',
    async run({ page }) {
      await page.goto('/');
      await page.getByTestId('language-switcher').selectOption('fr');
      await page.waitForURL(/\/fr$/);
      await expectHome(page, { lang: 'fr', dir: 'ltr', locale: 'fr' });
      await page.goto('/');
      await page.waitForURL(/\/fr$/);
      await page.getByTestId('language-switcher').selectOption('en');
      await page.waitForURL((url) => url.pathname === '/');
      await page.goto('/');
      await expectHome(page, { lang: 'en', dir: 'ltr', locale: 'en' });
    },
  },
  {
    name: 'pulse answers alive',
    async run({ page }) {
      const response = await page.goto('/api/system/pulse');
      assert.equal(response.status(), 200);
      assert.deepEqual(await response.json(), { alive: true });
      assert.ok(response.headers()['x-request-id'], 'request id header');
    },
  },
  {
    name: 'heartbeat reports a live database',
    async run({ page }) {
      const response = await page.goto('/api/system/heartbeat');
      const body = await response.json();
      assert.equal(body.db_ok, true);
      assert.equal(body.status, 'ok');
      assert.equal(body.stripe_ok, 'not_configured');
    },
  },
  {
    name: 'security headers on pages and API',
    async run({ page }) {
      for (const url of ['/', '/api/system/pulse']) {
        const headers = (await page.goto(url)).headers();
        assert.match(headers['strict-transport-security'] ?? '', /max-age=\d+/, `${url} HSTS`);
        assert.equal(headers['x-content-type-options'], 'nosniff', `${url} nosniff`);
        assert.equal(headers['cross-origin-opener-policy'], 'same-origin', `${url} COOP`);
        assert.ok(headers['referrer-policy'], `${url} referrer policy`);
        const csp = headers['content-security-policy'] ?? '';
        assert.match(csp, /frame-ancestors 'none'/, `${url} CSP frame-ancestors`);
        assert.doesNotMatch(csp, /unsafe-eval/, `${url} CSP without unsafe-eval`);
        if (url.startsWith('/api/')) assert.match(csp, /^default-src 'none'/, `${url} API answers load nothing`);
        else assert.match(csp, /script-src 'self'/, `${url} page policy`);
      }
    },
  },
  {
    name: 'home page does not shift its layout while loading',
    async run({ page }) {
      await page.addInitScript(() => {
        window.__cls = 0;
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries()) if (!entry.hadRecentInput) window.__cls += entry.value;
        }).observe({ type: 'layout-shift', buffered: true });
      });
      await page.goto('/', { waitUntil: 'networkidle' });
      await page.waitForTimeout(500);
      const cls = await page.evaluate(() => window.__cls);
      assert.ok(cls < 0.1, `cumulative layout shift ${cls.toFixed(3)} should be under 0.1`);
    },
  },
  {
    name: 'unknown pages answer 404 in the visitor language',
    async run({ page }) {
      const response = await page.goto('/de/does-not-exist');
      assert.equal(response.status(), 404);
      const messages = await readMessages('de');
      assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), messages.notFound.title);
    },
  },
  {
    name: 'robots, sitemap and security.txt are served',
    async run({ page }) {
      assert.match(await (await page.goto('/robots.txt')).text(), /Sitemap: .*\/sitemap\.xml/);
      const sitemap = await (await page.goto('/sitemap.xml')).text();
      // Every public page (home, pricing, the templates library and each template) in each of the 40 locales.
      const urls = sitemap.match(/<url>/g) ?? [];
      assert.equal(urls.length % 40, 0);
      assert.ok(urls.length >= 40 * 30, `${urls.length} sitemap entries`);
      assert.match(sitemap, /\/templates\/[a-z0-9-]+</);
      assert.match(sitemap, /hreflang="ar"/);
      assert.match(await (await page.goto('/.well-known/security.txt')).text(), /^Contact: mailto:/m);
    },
  },
];
