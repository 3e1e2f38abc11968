import 'server-only';
// Waits (bounded) for a run to end, by polling its row in Postgres: works whichever process or instance drives it.
import { setTimeout as sleep } from 'node:timers/promises';
import type { Db } from '@/db/client';
import type { RunStatus } from '@/db/types-workflows';
import { requireScope, type Scope } from '@/lib/auth/scope';
import { getRunRow } from './get-run';
import { MAX_WAIT_MS } from './schemas';

/** The longest wait a caller may ask for (the `wait` query parameter's bound). */
export const MAX_RUN_WAIT_MS = MAX_WAIT_MS;

export const finishedRunStatuses: readonly RunStatus[] = ['succeeded', 'failed', 'rejected', 'cancelled'];

/**
 * Resolves with the run's status once it has finished, or with its current status after `timeoutMs` (capped at 30 s)
 * or when `signal` aborts. Throws 404 for a run outside the scope's workspace.
 */
export async function waitForRun(
  db: Db,
  scope: Scope,
  runId: string,
  { timeoutMs, signal }: { timeoutMs: number; signal?: AbortSignal },
): Promise<{ status: RunStatus; finished: boolean }> {
  requireScope(scope, 'read');
  const deadline = Date.now() + Math.min(Math.max(timeoutMs, 0), MAX_RUN_WAIT_MS);
  let pollMs = 50;
  for (;;) {
    const { status } = await getRunRow(db, scope, runId);
    const finished = finishedRunStatuses.includes(status);
    const left = deadline - Date.now();
    if (finished || left <= 0 || signal?.aborted) return { status, finished };
    await sleep(Math.min(pollMs, left), undefined, { signal }).catch(() => undefined);
    pollMs = Math.min(pollMs * 2, 1_000);
  }
}
