// The metering period: calendar months in UTC.

/** First day of `now`'s month in UTC, as `YYYY-MM-01` (the usage_counters key). */
export function monthStart(now: Date): string {
  return `${now.getUTCFullYear()}-${String(now.getUTCMonth() + 1).padStart(2, '0')}-01`;
}

/** `YYYY-MM` of `now` in UTC (idempotency keys of monthly grants). */
export function monthKey(now: Date): string {
  return monthStart(now).slice(0, 7);
}

export function nextMonthStart(now: Date): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1));
}

export function addDays(date: Date, days: number): Date {
  return new Date(date.getTime() + days * 86_400_000);
}
