// The latest occurrence of a cron expression at or before an instant, by the same DST rules as next-occurrence.ts.
import { instantOfWallClock } from './instant-of-wall-clock';
import { nextOccurrenceOf } from './next-occurrence';
import { parseCron } from './parse-cron';
import { wallClock } from './wall-clock';

/** An occurrence exactly at `at` counts; null when the expression never matched before. */
export function previousOccurrence(cron: string, timeZone: string, at: Date): Date | null {
  const pattern = parseCron(cron);
  const atMs = at.getTime();
  const [match] = pattern.previousRuns(1, new Date(wallClock(timeZone, atMs) + 1));
  if (!match) return null;
  let latest = instantOfWallClock(timeZone, match.getTime());
  // NOTE: in a repeated stretch the clock reads less than it already did; occurrences of the first pass still count.
  for (;;) {
    const following = nextOccurrenceOf(pattern, timeZone, latest);
    if (following === null || following > atMs) return new Date(latest);
    latest = following;
  }
}
