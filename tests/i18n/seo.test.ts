import { describe, expect, it } from 'vitest';
import robots from '@/app/robots';
import sitemap from '@/app/sitemap';
import { locales } from '@/lib/i18n/locales';
import { publicPages } from '@/lib/i18n/public-pages';
import { localizedPath } from '@/lib/i18n/urls';

describe('sitemap and robots', () => {
  it('lists every public page in every locale with hreflang alternates', () => {
    const entries = sitemap();
    expect(entries).toHaveLength(publicPages.length * locales.length);
    const home = entries.find((entry) => entry.url === 'http://localhost:3000/');
    expect(home?.alternates?.languages).toMatchObject({
      de: 'http://localhost:3000/de',
      ar: 'http://localhost:3000/ar',
      'x-default': 'http://localhost:3000/',
    });
    expect(Object.keys(home?.alternates?.languages ?? {})).toHaveLength(locales.length + 1);
    expect(entries.map((entry) => entry.url)).toContain('http://localhost:3000/ja');
  });

  it('prefixes every locale but English', () => {
    expect(localizedPath('en', '/')).toBe('/');
    expect(localizedPath('en', '/pricing')).toBe('/pricing');
    expect(localizedPath('de', '/')).toBe('/de');
    expect(localizedPath('fil', '/pricing')).toBe('/fil/pricing');
  });

  it('keeps crawlers out of the API and points them at the sitemap', () => {
    const rules = robots();
    expect(rules.rules).toEqual([{ userAgent: '*', allow: '/', disallow: ['/api/', '/dev/'] }]);
    expect(rules.sitemap).toBe('http://localhost:3000/sitemap.xml');
  });
});
