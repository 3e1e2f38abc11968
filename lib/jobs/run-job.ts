import 'server-only';
// Runs one occurrence of a scheduled job: claimed once across all instances, retried with backoff, outcome recorded.
import type { Updateable } from 'kysely';
import type { Db } from '@/db/client';
import type { JobRunTable } from '@/db/types';
import { logger, scrub } from '@/lib/logger';
import type { JobDefinition } from './types';

export type JobRunOutcome =
  | { status: 'skipped' }
  | { status: 'succeeded'; attempt: number; result: unknown }
  | { status: 'failed'; attempt: number; error: string };

export type RunJobOptions = {
  maxAttempts?: number;
  /** Delay before the second attempt; doubled for each further one. */
  backoffMs?: number;
  sleep?: (ms: number) => Promise<void>;
  now?: () => Date;
};

export async function runScheduledJob(
  db: Db,
  job: JobDefinition,
  scheduledFor: Date,
  options: RunJobOptions = {},
): Promise<JobRunOutcome> {
  const { maxAttempts = 3, backoffMs = 1_000, sleep = delay, now = () => new Date() } = options;
  const claim = await db
    .insertInto('job_runs')
    .values({ job_id: job.id, scheduled_for: scheduledFor, status: 'running' })
    .onConflict((oc) => oc.columns(['job_id', 'scheduled_for']).doNothing())
    .returning('id')
    .executeTakeFirst();
  // NOTE: no row means another instance (or an earlier delivery) already owns this occurrence.
  if (!claim) return { status: 'skipped' };

  const log = logger.child({ job: job.id, scheduled_for: scheduledFor.toISOString() });
  const record = (values: Updateable<JobRunTable>) =>
    db.updateTable('job_runs').set(values).where('id', '=', claim.id).execute();

  for (let attempt = 1; ; attempt++) {
    if (attempt > 1) await record({ attempt });
    try {
      const result = await job.run({ db, now: now(), logger: log });
      await record({ status: 'succeeded', finished_at: new Date(), error: null, result: toJson(result) });
      log.info({ attempt }, 'job succeeded');
      return { status: 'succeeded', attempt, result };
    } catch (error) {
      const message = errorMessage(error);
      if (attempt >= maxAttempts) {
        await record({ status: 'failed', finished_at: new Date(), error: message });
        log.error({ err: error, attempt }, 'job failed');
        return { status: 'failed', attempt, error: message };
      }
      await record({ error: message });
      log.warn({ err: error, attempt }, 'job attempt failed; retrying');
      await sleep(backoffMs * 2 ** (attempt - 1));
    }
  }
}

function errorMessage(error: unknown): string {
  return scrub(error instanceof Error ? error.message : String(error)).slice(0, 2_000);
}

/** The result as JSON for the jsonb column (bigints as strings); null when it cannot be represented. */
function toJson(result: unknown): string | null {
  try {
    return (
      JSON.stringify(result, (_key, value: unknown) => (typeof value === 'bigint' ? value.toString() : value)) ?? null
    );
  } catch {
    return null;
  }
}

const delay = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
