import 'server-only';
// Starts a run by hand (button, API or the editor's test run); with `definition`, a test run of unsaved changes.
import { z } from 'zod';
import type { Db } from '@/db/client';
import { requireRole, type Scope } from '@/lib/auth/scope';
import { assertValidDefinition } from '../assert-valid-definition';
import { createRun } from './create-run';

export const startRunSchema = z.object({ payload: z.unknown().optional(), definition: z.unknown().optional() });

export async function startRun(db: Db, scope: Scope, workflowId: string, input: z.infer<typeof startRunSchema>) {
  requireRole(scope, 'member');
  // NOTE: a draft is validated like a save but never stored as a version; the run keeps its own copy.
  const draftDefinition =
    input.definition === undefined ? undefined : assertValidDefinition(input.definition, workflowId);
  return createRun(db, {
    workspaceId: scope.workspaceId,
    workflowId,
    trigger: 'manual',
    payload: input.payload ?? {},
    createdBy: scope.userId,
    draftDefinition,
  });
}
