import 'server-only';
// The workspace's live run state for the dashboard's Living Canvas: runs working now, and how recent runs ended.
import { sql } from 'kysely';
import type { Db } from '@/db/client';
import { requireScope, type Scope } from '@/lib/auth/scope';

export type LiveRunState = {
  /** Queued or running and not parked (a sleep or an approval is waiting, not working). */
  running: number;
  /** Runs parked on an approval or a delay. */
  waiting: number;
  recentFailed: number;
  recentSucceeded: number;
  /** How the most recently finished run (within the window) ended. */
  lastFinished: 'succeeded' | 'failed' | null;
  windowMinutes: number;
};

export async function getLiveRunState(
  db: Db,
  scope: Scope,
  now: Date = new Date(),
  windowMinutes = 15,
): Promise<LiveRunState> {
  requireScope(scope, 'read');
  const since = new Date(now.getTime() - windowMinutes * 60_000);
  const { rows } = await sql<{
    running: string;
    waiting: string;
    failed: string;
    succeeded: string;
    last: 'succeeded' | 'failed' | null;
  }>`
    select
      count(*) filter (where status in ('queued', 'running') and (waiting is null or waiting in ('retry', 'concurrency'))) as running,
      count(*) filter (where status in ('queued', 'running') and waiting in ('approval', 'sleep')) as waiting,
      count(*) filter (where status = 'failed' and finished_at > ${since} and finished_at <= ${now}) as failed,
      count(*) filter (where status = 'succeeded' and finished_at > ${since} and finished_at <= ${now}) as succeeded,
      (select status from workflow_runs
        where workspace_id = ${scope.workspaceId} and status in ('succeeded', 'failed') and finished_at > ${since} and finished_at <= ${now}
        order by finished_at desc limit 1) as last
    from workflow_runs
    where workspace_id = ${scope.workspaceId} and (status in ('queued', 'running') or finished_at > ${since})`.execute(
    db,
  );
  const row = rows[0]!;
  return {
    running: Number(row.running),
    waiting: Number(row.waiting),
    recentFailed: Number(row.failed),
    recentSucceeded: Number(row.succeeded),
    lastFinished: row.last,
    windowMinutes,
  };
}
