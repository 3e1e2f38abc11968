import 'server-only';
// Cron arithmetic shared by both drivers: which occurrence of a job a given moment belongs to.
import { CronExpressionParser } from 'cron-parser';
import type { JobDefinition } from './types';

type Schedule = Pick<JobDefinition, 'cron' | 'timezone'>;

/** The latest occurrence at or before `now` (an occurrence exactly at `now` counts). */
export function latestOccurrence(job: Schedule, now: Date): Date {
  return CronExpressionParser.parse(job.cron, { currentDate: new Date(now.getTime() + 1), tz: job.timezone }).prev().toDate();
}

/** The occurrence closest to `at`: Inngest's timer event may be stamped a little before or after the tick. */
export function nearestOccurrence(job: Schedule, at: Date): Date {
  const before = latestOccurrence(job, at);
  const after = CronExpressionParser.parse(job.cron, { currentDate: at, tz: job.timezone }).next().toDate();
  return at.getTime() - before.getTime() <= after.getTime() - at.getTime() ? before : after;
}

/** The cron string Inngest expects, with the time zone prefixed. */
export function inngestCron(job: Schedule): string {
  return `TZ=${job.timezone} ${job.cron}`;
}
