// Backup test fixtures: workflows and runs inserted directly, snapshots stored at chosen times, and a step context.
import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '@/db/types';
import { storeSnapshot } from '@/lib/backups/store-snapshot';
import type { StepContext } from '@/lib/workflows/steps/types';

export async function insertWorkflow(
  db: Kysely<Database>,
  workspaceId: string,
  { name = 'Nightly orders backup', timezone = 'UTC', retention = {} } = {},
) {
  const definition = {
    schemaVersion: 1,
    name,
    trigger: { type: 'manual' },
    steps: [{ id: 'save', type: 'backup', config: {} }],
    settings: { timezone },
  };
  const row = await db
    .insertInto('workflows')
    .values({
      workspace_id: workspaceId,
      name,
      current_version: 1,
      trigger_type: 'manual',
      webhook_token: `wh_${randomBytes(12).toString('hex')}`,
      webhook_secret: 'unused',
      retention: JSON.stringify(retention),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('workflow_versions')
    .values({ workflow_id: row.id, version: 1, definition: JSON.stringify(definition) })
    .execute();
  return row.id;
}

export async function insertRun(db: Kysely<Database>, workspaceId: string, workflowId: string) {
  const row = await db
    .insertInto('workflow_runs')
    .values({
      workspace_id: workspaceId,
      workflow_id: workflowId,
      version: 1,
      status: 'running',
      trigger_type: 'manual',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function insertSnapshot(
  db: Kysely<Database>,
  workspaceId: string,
  workflowId: string,
  createdAt: string,
  content = `{"at":"${createdAt}"}`,
) {
  const stored = await storeSnapshot(db, {
    workspaceId,
    workflowId,
    runId: null,
    stepId: 'save',
    name: `orders ${createdAt}`,
    format: 'json',
    contentType: 'application/json; charset=utf-8',
    source: 'test',
    content: new TextEncoder().encode(content),
    createdAt: new Date(createdAt),
  });
  return stored.id;
}

export function stepContext(
  db: Kysely<Database>,
  ids: { workspaceId: string; workflowId: string; runId: string },
  stepId = 'save',
  now = new Date('2026-11-23T10:00:00Z'),
): StepContext {
  return {
    ...ids,
    stepId,
    attempt: 1,
    idempotencyKey: `${ids.runId}:${stepId}`,
    data: { trigger: { type: 'manual', payload: {} }, steps: {}, run: { id: ids.runId, workflowId: ids.workflowId } },
    services: {
      db,
      fetch: () => Promise.reject(new Error('no network in this test')),
      credential: () => Promise.reject(new Error('no credentials in this test')),
      now: () => now,
    },
    signal: new AbortController().signal,
  };
}
