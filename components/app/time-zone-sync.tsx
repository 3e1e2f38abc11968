'use client';
// Tells the server the browser's time zone (the lvq_tz cookie) when it differs, and re-renders if times depend on it.
import { useEffect } from 'react';
import { useRouter } from '@/lib/i18n/navigation';
import { TIME_ZONE_COOKIE } from '@/lib/i18n/resolve-time-zone';

export function TimeZoneSync({ refresh }: { refresh: boolean }) {
  const router = useRouter();
  useEffect(() => {
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (!zone || !/^[A-Za-z0-9_/+-]+$/.test(zone)) return;
    const current = document.cookie
      .split('; ')
      .find((cookie) => cookie.startsWith(`${TIME_ZONE_COOKIE}=`))
      ?.slice(TIME_ZONE_COOKIE.length + 1);
    if (current === zone) return;
    document.cookie = `${TIME_ZONE_COOKIE}=${zone}; path=/; max-age=31536000; samesite=lax`;
    if (refresh) router.refresh();
  }, [router, refresh]);
  return null;
}
