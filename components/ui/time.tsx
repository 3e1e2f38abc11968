'use client';
// <Time value format relative>: a <time dateTime> shown in the user's zone; optionally relative ("3 min ago") for
// recent moments, with the full absolute time and its zone in the title.
import { type DateTimeFormatOptions, useFormatter, useNow, useTimeZone } from 'next-intl';
import type { ReactNode } from 'react';

const presets = {
  dateTime: { dateStyle: 'medium', timeStyle: 'short' },
  dateTimeSeconds: { dateStyle: 'medium', timeStyle: 'medium' },
  date: { dateStyle: 'medium' },
  longDate: { dateStyle: 'long' },
  time: { timeStyle: 'medium' },
  shortTime: { timeStyle: 'short' },
} satisfies Record<string, DateTimeFormatOptions>;

/** How far back (or ahead) a moment is still shown relative, when `relative` is set. */
const RELATIVE_WINDOW_MS = 7 * 24 * 60 * 60 * 1000;

type Props = {
  value: Date | string | number | null | undefined;
  format?: keyof typeof presets | DateTimeFormatOptions;
  relative?: boolean;
  fallback?: ReactNode;
  className?: string;
  'data-testid'?: string;
};

export function Time({ value, format = 'dateTime', relative = false, fallback = '—', className, ...rest }: Props) {
  const formatter = useFormatter();
  const timeZone = useTimeZone() ?? 'UTC';
  const now = useNow(relative ? { updateInterval: 30_000 } : undefined);
  const date = value === null || value === undefined || value === '' ? null : new Date(value);
  if (!date || Number.isNaN(date.getTime())) return <>{fallback}</>;
  const options = typeof format === 'string' ? presets[format] : format;
  const recent = relative && Math.abs(now.getTime() - date.getTime()) < RELATIVE_WINDOW_MS;
  const title = `${formatter.dateTime(date, { dateStyle: 'full', timeStyle: 'long' })} (${timeZone})`;
  return (
    <time
      dateTime={date.toISOString()}
      title={title}
      className={className}
      data-testid={rest['data-testid']}
      suppressHydrationWarning
    >
      {recent ? formatter.relativeTime(date, now) : formatter.dateTime(date, options)}
    </time>
  );
}
