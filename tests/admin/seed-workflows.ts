// Workflow fixtures for operator views: a workflow, runs with given statuses, and a pending approval.
import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '@/db/types';

export async function seedWorkflow(db: Kysely<Database>, workspaceId: string, name = 'Nightly backup') {
  return db
    .insertInto('workflows')
    .values({
      workspace_id: workspaceId,
      name,
      current_version: 1,
      trigger_type: 'manual',
      webhook_token: randomBytes(12).toString('hex'),
      webhook_secret: 'x',
      retention: '{}',
      updated_at: new Date(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
}

export async function seedRuns(
  db: Kysely<Database>,
  workspaceId: string,
  workflowId: string,
  statuses: ('succeeded' | 'failed' | 'queued')[],
  createdAt = new Date(),
) {
  if (statuses.length === 0) return [];
  return db
    .insertInto('workflow_runs')
    .values(
      statuses.map((status) => ({
        workspace_id: workspaceId,
        workflow_id: workflowId,
        version: 1,
        status,
        trigger_type: 'manual',
        payload: '{}',
        created_at: createdAt,
        updated_at: createdAt,
      })),
    )
    .returning('id')
    .execute();
}

export async function seedApproval(
  db: Kysely<Database>,
  workspaceId: string,
  workflowId: string,
  runId: string,
  status: 'pending' | 'approved' = 'pending',
) {
  await db
    .insertInto('workflow_approvals')
    .values({
      workspace_id: workspaceId,
      workflow_id: workflowId,
      run_id: runId,
      step_id: 'approve-invoice',
      action_class: 'C',
      status,
      expires_at: new Date(Date.now() + 86_400_000),
    })
    .execute();
}
