import 'server-only';
// Cron arithmetic shared by both drivers: which occurrence of a job a given moment belongs to.
import { nextOccurrence } from '@/lib/workflows/schedule/next-occurrence';
import { previousOccurrence } from '@/lib/workflows/schedule/previous-occurrence';
import type { JobDefinition } from './types';

type Schedule = Pick<JobDefinition, 'cron' | 'timezone'>;

/** The latest occurrence at or before `now` (an occurrence exactly at `now` counts). */
export function latestOccurrence(job: Schedule, now: Date): Date {
  const occurrence = previousOccurrence(job.cron, job.timezone, now);
  if (!occurrence) throw new Error(`"${job.cron}" has no occurrence at or before ${now.toISOString()}`);
  return occurrence;
}

/** The occurrence closest to `at`: Inngest's timer event may be stamped a little before or after the tick. */
export function nearestOccurrence(job: Schedule, at: Date): Date {
  const before = latestOccurrence(job, at);
  const after = nextOccurrence(job.cron, job.timezone, at);
  return !after || at.getTime() - before.getTime() <= after.getTime() - at.getTime() ? before : after;
}

/** The cron string Inngest expects, with the time zone prefixed. */
export function inngestCron(job: Schedule): string {
  return `TZ=${job.timezone} ${job.cron}`;
}
