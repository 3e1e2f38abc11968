import 'server-only';
// Replays several failed runs; one that cannot be replayed is reported, the others go ahead.
import type { z } from 'zod';
import type { Db } from '@/db/client';
import type { Scope } from '@/lib/auth/scope';
import { toAppError } from '@/lib/errors';
import { replayRun } from './replay-run';
import { replayRunsSchema } from './schemas';

export { replayRunsSchema };

export async function replayRuns(db: Db, scope: Scope, input: z.infer<typeof replayRunsSchema>) {
  const results = [];
  for (const runId of new Set(input.runIds)) {
    try {
      results.push({ runId, ok: true as const, replay: await replayRun(db, scope, runId, { from: input.from }) });
    } catch (error) {
      const appError = toAppError(error);
      results.push({ runId, ok: false as const, error: { code: appError.code, message: appError.message } });
    }
  }
  return { results };
}
