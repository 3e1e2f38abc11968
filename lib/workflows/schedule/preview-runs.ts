// The next few runs of a schedule, for the editor's preview: the same DST rules as the scheduler (next-occurrence.ts).
import { nextOccurrenceOf } from './next-occurrence';
import { parseCron } from './parse-cron';

/** Up to `count` instants strictly after `after`, in order; fewer when the expression stops matching. */
export function previewRuns(cron: string, timeZone: string, after: Date, count = 5): Date[] {
  const pattern = parseCron(cron);
  const runs: Date[] = [];
  let afterMs = after.getTime();
  while (runs.length < count) {
    const next = nextOccurrenceOf(pattern, timeZone, afterMs);
    if (next === null) break;
    runs.push(new Date(next));
    afterMs = next;
  }
  return runs;
}
