import 'server-only';
// Triggers a run by hand (API v1, MCP) and optionally waits, bounded, for it to finish: the run as getRun shows it.
import type { Db } from '@/db/client';
import type { Scope } from '@/lib/auth/scope';
import { getRun, type RunDetailDto } from './get-run';
import { startRun } from './start-run';
import { waitForRun } from './wait-for-run';

export type TriggerRunOptions = {
  /** The run's input; `{}` when omitted. */
  payload?: unknown;
  /** How long to wait for the run to finish (capped at 30 s); 0 or omitted answers at once. */
  waitMs?: number;
  signal?: AbortSignal;
};

export async function triggerRun(
  db: Db,
  scope: Scope,
  workflowId: string,
  { payload, waitMs = 0, signal }: TriggerRunOptions = {},
): Promise<RunDetailDto> {
  const started = await startRun(db, scope, workflowId, { payload });
  if (waitMs > 0) await waitForRun(db, scope, started.id, { timeoutMs: waitMs, signal });
  return getRun(db, scope, started.id);
}
