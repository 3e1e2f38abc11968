// Profile and times: the browser's zone is used until the profile names one; name, language (German) and zone
// (Asia/Tokyo) are saved and every time is then shown, labelled, in Tokyo time. Site chrome: the language switcher
// moves on arrow keys and switches only on Enter; the sign-in email field shows a focus outline.
import assert from 'node:assert/strict';
import { api, assertAccessible, assertNoHorizontalScroll, readMessages, signUp } from './helpers.mjs';

const fill = (text, values) => text.replace(/\{(\w+)\}/g, (_, key) => values[key]);

async function checkBothWidths(page, label) {
  await assertAccessible(page, `${label} at 1440 px`);
  await page.setViewportSize({ width: 390, height: 844 });
  await assertNoHorizontalScroll(page);
  await assertAccessible(page, `${label} at 390 px`);
  await page.setViewportSize({ width: 1440, height: 900 });
}

export const journeys = [
  {
    name: 'profile: browser zone first, then German and Asia/Tokyo, with times shown in Tokyo time',
    async run({ context, baseUrl }) {
      const [en, de] = await Promise.all([readMessages('en'), readMessages('de')]);
      const paris = await context.browser().newContext({
        baseURL: baseUrl,
        viewport: { width: 1440, height: 900 },
        timezoneId: 'Europe/Paris',
      });
      try {
        const page = await paris.newPage();
        await signUp(page, { prefix: 'e2e-profile' });
        const note = page.getByTestId('time-zone-note');
        await page.waitForFunction(
          (text) => document.querySelector('[data-testid="time-zone-note"]')?.textContent === text,
          fill(en.ui.time.zoneNote, { zone: 'Europe/Paris' }),
        );

        await page.goto('/settings/profile');
        await page.getByRole('heading', { level: 1, name: en.app.profilePage.title }).waitFor();
        const browserOption = fill(en.app.profilePage.browserZone, { zone: 'Europe/Paris' });
        await page
          .getByTestId('profile-zone')
          .locator('option', { hasText: browserOption })
          .waitFor({ state: 'attached' });
        await checkBothWidths(page, 'profile page');

        await page.getByTestId('profile-name').fill('Ada Lovelace');
        await page.getByTestId('profile-locale').selectOption('de');
        await page.getByTestId('profile-zone-search').fill('tokyo');
        await page.getByTestId('profile-zone').selectOption('Asia/Tokyo');
        await page.getByTestId('profile-save').click();
        await page.waitForURL(/\/de\/settings\/profile$/);
        await page.getByRole('heading', { level: 1, name: de.app.profilePage.title }).waitFor();
        assert.equal(await page.locator('html').getAttribute('lang'), 'de');
        await page.waitForFunction(
          (text) => document.querySelector('[data-testid="time-zone-note"]')?.textContent === text,
          fill(de.ui.time.zoneNote, { zone: 'Asia/Tokyo' }),
        );
        assert.equal(await page.getByTestId('profile-name').inputValue(), 'Ada Lovelace');
        assert.equal(await page.getByTestId('profile-zone').inputValue(), 'Asia/Tokyo');

        const created = await api(page, 'POST', '/api/api-keys', { name: 'Tokyo key', scopes: ['read'] });
        assert.equal(created.status, 201);
        await page.goto('/de/settings/api-keys');
        const time = page.getByTestId('api-key-row').filter({ hasText: 'Tokyo key' }).locator('time').first();
        const iso = await time.getAttribute('datetime');
        assert.ok(iso && !Number.isNaN(Date.parse(iso)), 'the time carries its ISO instant');
        const tokyoClock = new Intl.DateTimeFormat('de', {
          hour: '2-digit',
          minute: '2-digit',
          hourCycle: 'h23',
          timeZone: 'Asia/Tokyo',
        }).format(new Date(iso));
        assert.ok((await time.innerText()).includes(tokyoClock), `created time shown in Tokyo time (${tokyoClock})`);
        assert.match(await time.getAttribute('title'), /\(Asia\/Tokyo\)$/);
        assert.equal(await note.innerText(), fill(de.ui.time.zoneNote, { zone: 'Asia/Tokyo' }));
        await checkBothWidths(page, 'API keys in Tokyo time');
      } finally {
        await paris.close();
      }
    },
  },
  {
    name: 'language switcher moves on arrow keys and switches on Enter; the sign-in email field shows focus',
    async run({ page }) {
      await page.goto('/pricing');
      const switcher = page.getByTestId('language-switcher');
      await switcher.focus();
      await page.keyboard.press('ArrowDown');
      await page.waitForTimeout(800);
      assert.equal(new URL(page.url()).pathname, '/pricing', 'ArrowDown does not navigate');
      assert.equal(await page.locator('html').getAttribute('lang'), 'en');
      assert.equal(await switcher.inputValue(), 'es', 'ArrowDown moves the selection');
      await page.keyboard.press('Enter');
      await page.waitForURL(/\/es\/pricing$/);
      await page.waitForFunction(() => document.documentElement.lang === 'es');

      await page.goto('/signin');
      const email = page.getByTestId('signin-email');
      await page.keyboard.press('Tab');
      await email.focus();
      const outline = await email.evaluate((element) => {
        const style = getComputedStyle(element);
        return {
          style: style.outlineStyle,
          width: parseFloat(style.outlineWidth),
          focusVisible: element.matches(':focus-visible'),
        };
      });
      assert.ok(outline.focusVisible, 'the email field is focus-visible');
      assert.notEqual(outline.style, 'none', 'the focused email field has an outline');
      assert.ok(outline.width >= 2, `outline at least 2px (${outline.width})`);
      await checkBothWidths(page, 'sign-in');
    },
  },
];
