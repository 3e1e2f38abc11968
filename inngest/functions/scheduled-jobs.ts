// One Inngest cron function per scheduled job, built from the same list as the embedded scheduler's entries.
import { getDb } from '@/db';
import type { Db } from '@/db/client';
import { type JobDefinition, jobDefinitions } from '@/lib/jobs/definitions';
import { runScheduledJob } from '@/lib/jobs/run-job';
import { inngestCron, nearestOccurrence } from '@/lib/jobs/schedule';
import { inngest } from '../client';

type Dependencies = { getDb: () => Promise<Db>; jobs: readonly JobDefinition[] };

export function createScheduledJobFunctions({ getDb, jobs }: Dependencies) {
  return jobs.map((job) =>
    inngest.createFunction(
      { id: `job-${job.id}`, description: job.description, triggers: [{ cron: inngestCron(job) }], retries: 3 },
      async ({ event, step }) => {
        // NOTE: the tick time is snapped to its cron occurrence, so job_runs keys match the embedded scheduler's.
        const scheduledFor = nearestOccurrence(job, new Date(event.ts ?? Date.now()));
        return step.run(job.id, async () => runScheduledJob(await getDb(), job, scheduledFor));
      },
    ),
  );
}

export const scheduledJobFunctions = createScheduledJobFunctions({ getDb, jobs: jobDefinitions });
