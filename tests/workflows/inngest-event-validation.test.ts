import { InngestTestEngine } from '@inngest/test';
import { describe, expect, it, vi } from 'vitest';
import { createWorkflowRunFunction } from '@/inngest/functions/workflow-run';
import { workflowEvents } from '@/lib/workflows/engine/dispatch';
import { engineDeps, testClock } from './fixtures';

/** The workflow-run function with a database that must never be opened. */
function workflowRunWith(data: Record<string, unknown>) {
  const getDb = vi.fn(async () => {
    throw new Error('the database was opened');
  });
  const fn = createWorkflowRunFunction({ getDb: getDb as never, deps: engineDeps(testClock()) });
  return {
    getDb,
    engine: new InngestTestEngine({ function: fn, events: [{ name: workflowEvents.runRequested, data }] }),
  };
}

describe('the Inngest workflow-run function refuses a malformed event at its boundary', () => {
  it.each([
    ['without a run id', { workspaceId: '9b2f7a52-5b1f-4c53-9d43-2a4d3f3e8b10' }, /runId/],
    [
      'with a run id that is not a uuid',
      { runId: '1; drop table workflow_runs', workspaceId: '9b2f7a52-5b1f-4c53-9d43-2a4d3f3e8b10' },
      /runId/,
    ],
    ['without a workspace id', { runId: '5d0c7a3e-8f4b-4e2a-9c61-7b3d2e1f0a94' }, /workspaceId/],
  ])(
    'ends with a non-retriable validation error naming the field, %s, and touches nothing',
    async (_case, data, field) => {
      const { engine, getDb } = workflowRunWith(data);
      const { error, ctx } = await engine.execute();
      // NOTE: the engine hands back the error serialised; EventValidationError is Inngest's NonRetriableError subclass.
      expect(error).toMatchObject({ name: 'EventValidationError', message: expect.stringMatching(field) });
      expect(ctx.step.run).not.toHaveBeenCalled();
      expect(getDb).not.toHaveBeenCalled();
    },
  );
});
