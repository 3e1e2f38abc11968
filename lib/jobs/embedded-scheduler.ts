import 'server-only';
// The embedded scheduler (used without Inngest): every ~15 s, runs each job's latest due occurrence once.
import type { Db } from '@/db/client';
import { logger } from '@/lib/logger';
import { type RunJobOptions, runScheduledJob } from './run-job';
import { latestOccurrence } from './schedule';
import type { JobDefinition } from './types';

export type SchedulerEntry = Pick<JobDefinition, 'id' | 'cron' | 'timezone'>;
export type EmbeddedScheduler = { entries: SchedulerEntry[]; tick: () => Promise<void>; stop: () => void };

export type SchedulerOptions = {
  getDb: () => Promise<Db>;
  jobs: readonly JobDefinition[];
  now?: () => Date;
  intervalMs?: number;
  runOptions?: RunJobOptions;
};

// NOTE: dev hot reloads re-evaluate modules; the flag on globalThis keeps it to one scheduler per process.
const globalForScheduler = globalThis as unknown as { levqorScheduler?: EmbeddedScheduler };

export function schedulerEntries(jobs: readonly JobDefinition[]): SchedulerEntry[] {
  return jobs.map(({ id, cron, timezone }) => ({ id, cron, timezone }));
}

export function startEmbeddedScheduler({
  getDb,
  jobs,
  now = () => new Date(),
  intervalMs = 15_000,
  runOptions,
}: SchedulerOptions): EmbeddedScheduler {
  if (globalForScheduler.levqorScheduler) return globalForScheduler.levqorScheduler;
  const handled = new Map<string, number>();
  const running = new Set<string>();

  async function runDue(db: Db, job: JobDefinition, at: Date): Promise<void> {
    if (running.has(job.id)) return;
    running.add(job.id);
    try {
      // NOTE: computed inside the try: a job whose occurrence cannot be computed fails alone, never the tick.
      const occurrence = latestOccurrence(job, at);
      if (handled.get(job.id) === occurrence.getTime()) return;
      const outcome = await runScheduledJob(db, job, occurrence, { now, ...runOptions });
      handled.set(job.id, occurrence.getTime());
      if (outcome.status !== 'skipped') logger.debug({ job: job.id, status: outcome.status }, 'scheduled job ran');
    } catch (error) {
      logger.error({ err: error, job: job.id }, 'scheduled job could not be scheduled, claimed or recorded');
    } finally {
      running.delete(job.id);
    }
  }

  async function tick(): Promise<void> {
    const db = await getDb().catch((error: unknown) => {
      logger.error({ err: error }, 'scheduler: database unavailable');
      return null;
    });
    if (!db) return;
    const at = now();
    await Promise.all(jobs.map((job) => runDue(db, job, at)));
  }

  const timer = setInterval(() => void tick(), intervalMs);
  timer.unref();
  const scheduler: EmbeddedScheduler = {
    entries: schedulerEntries(jobs),
    tick,
    stop() {
      clearInterval(timer);
      if (globalForScheduler.levqorScheduler === scheduler) globalForScheduler.levqorScheduler = undefined;
    },
  };
  globalForScheduler.levqorScheduler = scheduler;
  logger.info({ jobs: jobs.map((job) => job.id), interval_ms: intervalMs }, 'embedded scheduler started');
  return scheduler;
}
