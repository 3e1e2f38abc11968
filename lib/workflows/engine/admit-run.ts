import 'server-only';
// Admission of a queued run: the runs kill switch, the workspace's state, and the concurrency limits per workflow and per workspace.
import { sql } from 'kysely';
import type { Db } from '@/db/client';
import { isFlagEnabled } from '@/lib/flags/is-flag-enabled';
import type { WorkflowDefinition } from '../definition';
import type { Advance } from './advance-run';
import { finishRun } from './finish-run';
import type { LoadedRun } from './load-run';

const RECHECK_MS = 2_000;
const PAUSED_RECHECK_MS = 30_000;
const FLAG_CACHE_MS = 5_000;
let runsFlag: { enabled: boolean; readAt: number } | null = null;

export async function runsEnabled(db: Db, now: Date): Promise<boolean> {
  if (!runsFlag || now.getTime() - runsFlag.readAt > FLAG_CACHE_MS || now.getTime() < runsFlag.readAt) {
    runsFlag = { enabled: await isFlagEnabled(db, 'workflows.runs_enabled'), readAt: now.getTime() };
  }
  return runsFlag.enabled;
}

/** Forget the cached kill-switch value (after an admin changes it in this process, and in tests). */
export function forgetRunsFlag(): void {
  runsFlag = null;
}

export async function admitRun(db: Db, run: LoadedRun, definition: WorkflowDefinition, now: Date): Promise<Advance> {
  if (run.workspace_status === 'soft_deleted' || run.workspace_status === 'purged') {
    return finishRun(db, run, {
      status: 'cancelled',
      now,
      error: { code: 'workspace_deleted', message: 'The workspace was deleted', retryable: false },
    });
  }
  if (run.workspace_status !== 'active' || !(await runsEnabled(db, now)))
    return hold(db, run.id, now, PAUSED_RECHECK_MS);

  return db.transaction().execute(async (trx) => {
    // NOTE: one admission at a time per workspace, so two drivers cannot both take the last free slot.
    await sql`select pg_advisory_xact_lock(hashtext(${run.workspace_id}))`.execute(trx);
    const counts = await trx
      .selectFrom('workflow_runs')
      .select([
        sql<number>`count(*)`.as('workspace_running'),
        sql<number>`count(*) filter (where workflow_id = ${run.workflow_id})`.as('workflow_running'),
      ])
      .where('workspace_id', '=', run.workspace_id)
      .where('status', '=', 'running')
      .executeTakeFirstOrThrow();
    if (
      Number(counts.workflow_running) >= definition.settings.concurrency ||
      Number(counts.workspace_running) >= run.workspace_concurrency_limit
    ) {
      return hold(trx, run.id, now, RECHECK_MS);
    }
    await trx
      .updateTable('workflow_runs')
      .set({ status: 'running', started_at: now, waiting: null, updated_at: now })
      .where('id', '=', run.id)
      .where('status', '=', 'queued')
      .execute();
    return { kind: 'continue' } as const;
  });
}

async function hold(db: Db, runId: string, now: Date, ms: number): Promise<Advance> {
  const until = new Date(now.getTime() + ms);
  await db
    .updateTable('workflow_runs')
    .set({ waiting: 'concurrency', wake_at: until, updated_at: now })
    .where('id', '=', runId)
    .execute();
  return { kind: 'sleep', until: until.toISOString(), reason: 'concurrency' };
}
