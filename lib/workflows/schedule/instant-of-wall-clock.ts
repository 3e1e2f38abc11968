// From a wall-clock reading back to an instant, with the DST rules of docs/architecture.md ("Schedules and DST").
import { wallClock } from './wall-clock';

const dayMs = 86_400_000;

/**
 * The first instant at which the clock in `timeZone` reads `wallMs` or later: the instant itself when the reading
 * exists once, the first of the two when it repeats (fall-back), the end of the gap when it is skipped (spring-forward).
 */
export function instantOfWallClock(timeZone: string, wallMs: number): number {
  // NOTE: the offsets a day either side bracket any single transition near this reading.
  const offsetBefore = wallClock(timeZone, wallMs - dayMs) - (wallMs - dayMs);
  const offsetAfter = wallClock(timeZone, wallMs + dayMs) - (wallMs + dayMs);
  const earlier = wallMs - Math.max(offsetBefore, offsetAfter);
  const later = wallMs - Math.min(offsetBefore, offsetAfter);
  if (wallClock(timeZone, earlier) === wallMs) return earlier;
  if (wallClock(timeZone, later) === wallMs) return later;
  if (!(wallClock(timeZone, earlier) < wallMs && wallClock(timeZone, later) > wallMs)) {
    throw new Error(`Cannot place ${new Date(wallMs).toISOString().slice(0, 16)} on the clock of ${timeZone}`);
  }
  // A gap: the transition lies between the two candidates; find the first instant past it.
  let before = earlier;
  let after = later;
  while (after - before > 1) {
    const middle = Math.floor((before + after) / 2);
    if (wallClock(timeZone, middle) >= wallMs) after = middle;
    else before = middle;
  }
  return after;
}
