// The time zone of the current request, for next-intl's request config: profile zone > lvq_tz cookie > UTC.
import 'server-only';
import { workUnitAsyncStorage } from 'next/dist/server/app-render/work-unit-async-storage.external';
import { cookies } from 'next/headers';
import { cache } from 'react';
import { resolveTimeZone, TIME_ZONE_COOKIE, type TimeZoneSource } from './resolve-time-zone';

export const getRequestTimeZone = cache(async (): Promise<{ timeZone: string; source: TimeZoneSource }> => {
  // NOTE: public pages are prerendered at build time; reading cookies there would make every one of them dynamic.
  // Only a real request (pages rendered per request, route handlers, server actions) looks at who is asking.
  if (workUnitAsyncStorage.getStore()?.type !== 'request') return resolveTimeZone({});
  const cookie = (await cookies()).get(TIME_ZONE_COOKIE)?.value ?? null;
  return resolveTimeZone({ profile: await profileTimeZone(), cookie });
});

async function profileTimeZone(): Promise<string | null> {
  const { getSessionUser } = await import('@/lib/auth/session-scope');
  const user = await getSessionUser().catch(() => null);
  if (!user) return null;
  const { getDbOrNull } = await import('@/db');
  const db = await getDbOrNull();
  if (!db) return null;
  const row = await db
    .selectFrom('users')
    .select('time_zone')
    .where('id', '=', user.id)
    .executeTakeFirst()
    .catch(() => undefined);
  return row?.time_zone ?? null;
}
