import { describe, expect, it } from 'vitest';
import { resolveTimeZone } from '@/lib/i18n/resolve-time-zone';
import { isTimeZone, timeZoneNames } from '@/lib/i18n/time-zones';

describe('choosing the zone times are shown in', () => {
  it('prefers the profile zone over the browser cookie', () => {
    expect(resolveTimeZone({ profile: 'Asia/Tokyo', cookie: 'Europe/Paris' })).toEqual({
      timeZone: 'Asia/Tokyo',
      source: 'profile',
    });
  });

  it('uses the browser zone from the cookie when the profile has none', () => {
    expect(resolveTimeZone({ profile: null, cookie: 'Europe/Paris' })).toEqual({
      timeZone: 'Europe/Paris',
      source: 'browser',
    });
  });

  it('falls back to UTC with neither', () => {
    expect(resolveTimeZone({})).toEqual({ timeZone: 'UTC', source: 'default' });
  });

  it('ignores a forged or unknown cookie zone', () => {
    for (const cookie of ['Mars/Olympus', '../../etc', '<script>', 'europe/paris', 'x'.repeat(300), '']) {
      expect(resolveTimeZone({ cookie }).timeZone).toBe('UTC');
    }
    expect(resolveTimeZone({ profile: 'Not/AZone', cookie: 'America/New_York' }).timeZone).toBe('America/New_York');
  });
});

describe('the time zone list', () => {
  it('offers UTC first and the common zones', () => {
    const names = timeZoneNames();
    expect(names[0]).toBe('UTC');
    expect(names).toEqual(expect.arrayContaining(['Europe/Paris', 'Asia/Tokyo', 'America/New_York']));
    expect(names.every(isTimeZone)).toBe(true);
  });
});
