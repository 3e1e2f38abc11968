// The shape of a scheduled job: declared once in definitions.ts, driven by Inngest or the embedded scheduler.
import type { Logger } from 'pino';
import type { Db } from '@/db/client';

export type JobContext = { db: Db; now: Date; logger: Logger };

export type JobDefinition = {
  /** Stable id: the Inngest function is `job-<id>`, and job_runs rows are keyed by it. */
  id: string;
  description: string;
  /** Five-field cron expression, evaluated in `timezone`. */
  cron: string;
  timezone: 'UTC';
  run: (ctx: JobContext) => Promise<unknown>;
};
