// A five-field cron expression parsed by croner, to be matched against wall-clock readings (see next-occurrence.ts).
import { Cron } from 'croner';

/** Throws croner's error for anything that is not a valid five-field expression. */
export function parseCron(cron: string): Cron {
  // NOTE: utcOffset 0 — the pattern is matched on wall-clock time; DST is applied afterwards, by our own rules.
  // sloppyRanges keeps `5/15` (minute 5, then every 15), which cron-parser accepted and stored rows may hold.
  return new Cron(cron, { mode: '5-part', utcOffset: 0, sloppyRanges: true });
}
