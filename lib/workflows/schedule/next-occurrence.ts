// The next occurrence of a cron expression in an IANA time zone, correct across DST shifts of any size.
import type { Cron } from 'croner';
import { instantOfWallClock } from './instant-of-wall-clock';
import { parseCron } from './parse-cron';
import { wallClock } from './wall-clock';

// NOTE: skips happen only inside a repeated (fall-back) stretch: at most one per minute of it; DST shifts are ≤ 2 h.
const maxSkips = 1_500;

/** The first occurrence strictly after `afterMs`, or null when the expression never matches again. */
export function nextOccurrenceOf(pattern: Cron, timeZone: string, afterMs: number): number | null {
  let wallMs = wallClock(timeZone, afterMs);
  for (let skipped = 0; skipped <= maxSkips; skipped++) {
    const match = pattern.nextRun(new Date(wallMs));
    if (!match) return null;
    const instant = instantOfWallClock(timeZone, match.getTime());
    // NOTE: after a fall-back the clock reads times again whose first pass has already gone by; those ran then.
    if (instant > afterMs) return instant;
    wallMs = match.getTime();
  }
  throw new Error(`No occurrence of "${pattern.getPattern()}" found after ${new Date(afterMs).toISOString()}`);
}

/**
 * Skipped local times (spring-forward) run once, at the first instant after the gap; repeated local times
 * (fall-back) run once, at their first pass. Throws on an invalid expression or time zone.
 */
export function nextOccurrence(cron: string, timeZone: string, after: Date): Date | null {
  const instant = nextOccurrenceOf(parseCron(cron), timeZone, after.getTime());
  return instant === null ? null : new Date(instant);
}
