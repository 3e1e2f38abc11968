// Public site journeys: home in English, German and Arabic, the language switcher, the phone menu, the footer, page
// titles, the favicon, pulse, headers, layout stability.
import assert from 'node:assert/strict';
import path from 'node:path';
import { assertAccessible, assertNoHorizontalScroll, readMessages } from './helpers.mjs';

async function expectHome(page, { lang, dir, locale }) {
  const messages = await readMessages(locale);
  assert.equal(await page.locator('html').getAttribute('lang'), lang);
  assert.equal(await page.locator('html').getAttribute('dir'), dir);
  const heading = await page.getByRole('heading', { level: 1 }).innerText();
  assert.ok(heading.includes(messages.home.hero.title), `h1 "${heading}" should contain "${messages.home.hero.title}"`);
}

/** The phone menu's toggle and the panel it controls (load the page with `networkidle`, so the toggle is hydrated). */
async function phoneMenu(page, label = 'Menu') {
  const toggle = page.getByRole('button', { name: label });
  const panel = page.locator(`[id="${await toggle.getAttribute('aria-controls')}"]`);
  return { toggle, panel };
}

const focusedTestId = (page) => page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? null);

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
      assert.equal(
        new URL(await page.locator('link[rel="alternate"][hreflang="de"]').getAttribute('href')).pathname,
        '/de',
      );
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
  {
    name: 'on a phone the menu opens with the keyboard, lists Pricing and Templates, navigates and closes on Escape',
    async run({ page, screenshotDir }) {
      await page.setViewportSize({ width: 390, height: 844 });
      await page.goto('/', { waitUntil: 'networkidle' });
      const { toggle, panel } = await phoneMenu(page);
      assert.equal(await toggle.getAttribute('aria-expanded'), 'false');
      assert.ok(await panel.isHidden(), 'the menu starts closed');

      await toggle.focus();
      await page.keyboard.press('Enter');
      assert.equal(await toggle.getAttribute('aria-expanded'), 'true');
      const nav = panel.getByRole('navigation', { name: 'Main navigation' });
      assert.equal(await nav.getByRole('link', { name: 'Pricing' }).getAttribute('href'), '/pricing');
      assert.equal(await nav.getByRole('link', { name: 'Templates' }).getAttribute('href'), '/templates');
      await panel.getByRole('link', { name: 'Get started' }).waitFor();
      await page.keyboard.press('Tab');
      assert.equal(
        await page.evaluate(() => document.activeElement?.textContent),
        'Features',
        'Tab goes from the toggle into the menu',
      );
      await page.screenshot({ path: path.join(screenshotDir, 'home-en-390-menu.png') });
      await assertAccessible(page, 'the home page with the menu open at 390 px', { strict: true });

      await nav.getByRole('link', { name: 'Pricing' }).focus();
      await page.keyboard.press('Enter');
      await page.waitForURL((url) => url.pathname === '/pricing');
      assert.equal(await toggle.getAttribute('aria-expanded'), 'false', 'navigating closes the menu');
      assert.ok(await panel.isHidden());

      await toggle.focus();
      await page.keyboard.press('Space');
      assert.equal(await toggle.getAttribute('aria-expanded'), 'true');
      await page.keyboard.press('Escape');
      assert.equal(await toggle.getAttribute('aria-expanded'), 'false', 'Escape closes the menu');
      assert.ok(await panel.isHidden());
      assert.equal(await focusedTestId(page), 'site-menu-toggle', 'focus is back on the toggle');
      await assertNoHorizontalScroll(page);
    },
  },
  {
    name: 'on a phone the menu works right to left in Arabic',
    async run({ page }) {
      const messages = await readMessages('ar');
      await page.setViewportSize({ width: 390, height: 844 });
      await page.goto('/ar', { waitUntil: 'networkidle' });
      const { toggle, panel } = await phoneMenu(page, messages.nav.menu);
      await toggle.click();
      const pricing = panel.getByRole('link', { name: messages.nav.pricing });
      assert.equal(await pricing.getAttribute('href'), '/ar/pricing');
      const box = await pricing.boundingBox();
      assert.ok(box.x >= 0 && box.x + box.width <= 390, 'the menu fits the screen');
      assert.equal(await panel.evaluate((element) => getComputedStyle(element).direction), 'rtl');
      await assertNoHorizontalScroll(page);
      await page.keyboard.press('Escape');
      assert.equal(await focusedTestId(page), 'site-menu-toggle');
    },
  },
  {
    name: 'the footer links to Pricing and Templates',
    async run({ page }) {
      await page.goto('/de');
      const messages = await readMessages('de');
      const footer = page.getByRole('contentinfo');
      assert.equal(await footer.getByRole('link', { name: messages.nav.pricing }).getAttribute('href'), '/de/pricing');
      assert.equal(
        await footer.getByRole('link', { name: messages.templates.nav.link }).getAttribute('href'),
        '/de/templates',
      );
    },
  },
  {
    name: 'public pages have titles of their own',
    async run({ page }) {
      const titles = [];
      for (const url of ['/', '/pricing', '/templates', '/signin', '/de/pricing']) {
        await page.goto(url);
        titles.push(await page.title());
      }
      assert.equal(new Set(titles).size, titles.length, `distinct titles: ${titles.join(' | ')}`);
      assert.equal(titles[3], 'Sign in · Levqor');
    },
  },
  {
    name: 'the favicon is served',
    async run({ page, context }) {
      const response = await context.request.get('/favicon.ico');
      assert.equal(response.status(), 200);
      assert.match(response.headers()['content-type'] ?? '', /^image\//);
      await page.goto('/');
      assert.ok(await page.locator('link[rel="icon"][href^="/favicon.ico"]').count(), 'the page links the favicon');
    },
  },
  {
    name: 'a stale signed-in hint falls back to Sign in',
    async run({ page, context, baseUrl }) {
      await context.addCookies([{ name: 'lvq_signed_in', value: '1', url: baseUrl }]);
      await page.goto('/', { waitUntil: 'networkidle' });
      await page.waitForFunction(() => !document.cookie.includes('lvq_signed_in'));
      await page.getByRole('banner').getByRole('link', { name: 'Sign in' }).waitFor();
      assert.equal(await page.getByRole('banner').getByRole('link', { name: 'Open the app' }).count(), 0);
      assert.equal(
        (await context.cookies()).some((cookie) => cookie.name === 'lvq_signed_in'),
        false,
        'the hint is dropped',
      );
    },
  },
];
