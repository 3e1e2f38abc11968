// Which zone times are shown in: the signed-in user's profile zone, else the browser's (from the lvq_tz cookie), else UTC.
import { isTimeZone } from './time-zones';

export const TIME_ZONE_COOKIE = 'lvq_tz';

export type TimeZoneSource = 'profile' | 'browser' | 'default';

export function resolveTimeZone(candidates: { profile?: string | null; cookie?: string | null }): {
  timeZone: string;
  source: TimeZoneSource;
} {
  if (isTimeZone(candidates.profile)) return { timeZone: candidates.profile, source: 'profile' };
  if (isTimeZone(candidates.cookie)) return { timeZone: candidates.cookie, source: 'browser' };
  return { timeZone: 'UTC', source: 'default' };
}
