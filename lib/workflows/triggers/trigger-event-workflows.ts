import 'server-only';
// Event triggers: a finished run starts the workflows of its workspace that listen for it.
import type { Db } from '@/db/client';
import { logger } from '@/lib/logger';
import { createRun } from '../runs/create-run';

const MAX_CHAIN = 10;

type WorkflowEvent = {
  workspaceId: string;
  sourceWorkflowId: string;
  event: 'workflow.succeeded' | 'workflow.failed';
  payload: { runId: string; chain: string[] } & Record<string, unknown>;
};

export async function triggerEventWorkflows(db: Db, event: WorkflowEvent): Promise<string[]> {
  const listeners = await db
    .selectFrom('workflows')
    .select('id')
    .where('workspace_id', '=', event.workspaceId)
    .where('event_name', '=', event.event)
    .where('event_source_workflow_id', '=', event.sourceWorkflowId)
    .where('enabled', '=', true)
    .execute();
  if (listeners.length === 0) return [];
  const chain = [...event.payload.chain, event.payload.runId];
  if (chain.length > MAX_CHAIN) {
    logger.warn(
      { workspace_id: event.workspaceId, chain_length: chain.length },
      'event chain too long; not triggering further workflows',
    );
    return [];
  }
  const created: string[] = [];
  for (const listener of listeners) {
    const run = await createRun(db, {
      workspaceId: event.workspaceId,
      workflowId: listener.id,
      trigger: 'event',
      triggerKey: `event:${event.payload.runId}`,
      payload: { event: event.event, ...event.payload, chain },
    });
    created.push(run.id);
  }
  return created;
}
