import 'server-only';
// The failure queue as the public API shows it: failed runs not yet dealt with, newest first, a page at a time.
import type { Db } from '@/db/client';
import type { Scope } from '@/lib/auth/scope';
import { findRuns, type RunFilters } from './find-runs';

export type FailureQueueItemDto = {
  id: string;
  workflowId: string;
  workflowName: string;
  version: number;
  trigger: string;
  failedStepId: string | null;
  attempt: number;
  error: unknown;
  createdAt: Date;
  failedAt: Date | null;
};

/** `limit` items (ask for one more to know whether a next page exists), each with its keyset time. */
export async function listFailureQueue(
  db: Db,
  scope: Scope,
  filters: Pick<RunFilters, 'workflowId' | 'from' | 'to' | 'after' | 'limit'>,
): Promise<(FailureQueueItemDto & { keysetAt: string })[]> {
  const runs = await findRuns(db, scope, { ...filters, deadLettered: true });
  return runs.map((run) => ({
    id: run.id,
    workflowId: run.workflowId,
    workflowName: run.workflowName ?? '',
    version: run.version,
    trigger: run.trigger,
    failedStepId: run.currentStepId,
    attempt: run.attempt,
    error: run.error,
    createdAt: run.createdAt,
    failedAt: run.finishedAt,
    keysetAt: run.keysetAt,
  }));
}
