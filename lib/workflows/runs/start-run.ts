import 'server-only';
// Starts a run by hand (button, API or the editor's test run).
import { z } from 'zod';
import type { Db } from '@/db/client';
import { requireRole, type Scope } from '@/lib/auth/scope';
import { createRun } from './create-run';

export const startRunSchema = z.object({ payload: z.unknown().optional() });

export async function startRun(db: Db, scope: Scope, workflowId: string, input: z.infer<typeof startRunSchema>) {
  requireRole(scope, 'member');
  return createRun(db, {
    workspaceId: scope.workspaceId,
    workflowId,
    trigger: 'manual',
    payload: input.payload ?? {},
    createdBy: scope.userId,
  });
}
