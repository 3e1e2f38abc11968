import 'server-only';
// Hides the workspace's first-run checklist for everyone in it; only once every step is done.
import type { Db } from '@/db/client';
import { requireScope, type Scope } from '@/lib/auth/scope';
import { AppError } from '@/lib/errors';
import { getFirstRunProgress } from './get-first-run-progress';

export async function dismissFirstRun(db: Db, scope: Scope, now = new Date()): Promise<void> {
  requireScope(scope, 'write');
  const progress = await getFirstRunProgress(db, scope);
  if (!progress.complete) throw new AppError('conflict', 'Finish the first-run checklist before hiding it');
  await db
    .updateTable('workspaces')
    .set({ first_run_dismissed_at: now })
    .where('id', '=', scope.workspaceId)
    .where('first_run_dismissed_at', 'is', null)
    .execute();
}
