import 'server-only';
// Scheduled jobs for operators: each job's schedule, last run and failures, and the recent run history.
import { sql } from 'kysely';
import type { Db } from '@/db/client';
import type { JobRunStatus } from '@/db/types';
import { jobDefinitions } from '@/lib/jobs/definitions';

export type JobRunDto = {
  id: string;
  jobId: string;
  scheduledFor: Date;
  status: JobRunStatus;
  attempt: number;
  startedAt: Date;
  finishedAt: Date | null;
  error: string | null;
};
export type JobOverview = {
  id: string;
  description: string;
  cron: string;
  last: JobRunDto | null;
  failures7d: number;
  lastSuccessAt: Date | null;
};

const toDto = (row: {
  id: string;
  job_id: string;
  scheduled_for: Date;
  status: JobRunStatus;
  attempt: number;
  started_at: Date;
  finished_at: Date | null;
  error: string | null;
}): JobRunDto => ({
  id: String(row.id),
  jobId: row.job_id,
  scheduledFor: row.scheduled_for,
  status: row.status,
  attempt: row.attempt,
  startedAt: row.started_at,
  finishedAt: row.finished_at,
  error: row.error,
});

const columns = ['id', 'job_id', 'scheduled_for', 'status', 'attempt', 'started_at', 'finished_at', 'error'] as const;

export async function listJobOverview(
  db: Db,
  now = new Date(),
): Promise<{ jobs: JobOverview[]; recent: JobRunDto[]; failures: JobRunDto[] }> {
  const weekAgo = new Date(now.getTime() - 7 * 86_400_000);
  const [latest, stats, recent, failures] = await Promise.all([
    db
      .selectFrom('job_runs')
      .distinctOn('job_id')
      .select(columns)
      .orderBy('job_id')
      .orderBy('scheduled_for', 'desc')
      .execute(),
    db
      .selectFrom('job_runs')
      .select([
        'job_id',
        sql<number>`count(*) filter (where status = 'failed' and started_at >= ${weekAgo})`.as('failures'),
        sql<Date | null>`max(finished_at) filter (where status = 'succeeded')`.as('last_success'),
      ])
      .groupBy('job_id')
      .execute(),
    db.selectFrom('job_runs').select(columns).orderBy('started_at', 'desc').limit(50).execute(),
    db
      .selectFrom('job_runs')
      .select(columns)
      .where('status', '=', 'failed')
      .orderBy('started_at', 'desc')
      .limit(20)
      .execute(),
  ]);
  const lastByJob = new Map(latest.map((row) => [row.job_id, toDto(row)]));
  const statsByJob = new Map(stats.map((row) => [row.job_id, row]));
  const jobs = jobDefinitions.map((job) => ({
    id: job.id,
    description: job.description,
    cron: job.cron,
    last: lastByJob.get(job.id) ?? null,
    failures7d: Number(statsByJob.get(job.id)?.failures ?? 0),
    lastSuccessAt: statsByJob.get(job.id)?.last_success ? new Date(statsByJob.get(job.id)!.last_success!) : null,
  }));
  return { jobs, recent: recent.map(toDto), failures: failures.map(toDto) };
}
