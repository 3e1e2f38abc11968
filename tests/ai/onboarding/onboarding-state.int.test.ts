import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getOnboardingState } from '@/lib/ai/onboarding/get-onboarding-state';
import { createApiKey } from '@/lib/api-keys/create-api-key';
import { seedMember } from '../../accounts/seed';
import { insertRun, insertSnapshot, insertWorkflow } from '../../backups/fixtures';
import { createTestDb, type TestDb } from '../../helpers/test-db';

let test: TestDb;

beforeAll(async () => {
  test = await createTestDb();
});
afterAll(() => test.close());

const done = async (scope: Parameters<typeof getOnboardingState>[1]) =>
  Object.fromEntries((await getOnboardingState(test.db, scope)).steps.map((step) => [step.key, step.done]));

async function finishRun(runId: string) {
  await test.db
    .updateTable('workflow_runs')
    .set({ status: 'succeeded', finished_at: new Date() })
    .where('id', '=', runId)
    .execute();
}

async function insertFailureAlert(workspaceId: string, sourceWorkflowId: string) {
  await test.db
    .insertInto('workflows')
    .values({
      workspace_id: workspaceId,
      name: 'Alert',
      current_version: 1,
      trigger_type: 'event',
      event_name: 'workflow.failed',
      event_source_workflow_id: sourceWorkflowId,
      webhook_token: `wh_${randomBytes(12).toString('hex')}`,
      webhook_secret: 'unused',
      retention: '{}',
    })
    .execute();
}

describe('onboarding state', () => {
  it('starts a new workspace at "create a workflow" with every step to do', async () => {
    const owner = await seedMember(test.db, 'owner');
    const state = await getOnboardingState(test.db, owner.scope);
    expect(state.next).toBe('create');
    expect(state.steps.map((step) => step.key)).toEqual([
      'create',
      'connect',
      'run',
      'result',
      'trigger',
      'alerts',
      'invite',
      'backup',
      'apiKey',
    ]);
    expect(state.steps.every((step) => !step.done)).toBe(true);
    expect(state.steps.find((step) => step.key === 'create')?.href).toBe('/workflows/templates');
  });

  it('ticks each step from the workspace data and moves the next best step along', async () => {
    const owner = await seedMember(test.db, 'owner');
    const workflowId = await insertWorkflow(test.db, owner.workspaceId);
    let state = await getOnboardingState(test.db, owner.scope);
    expect(state).toMatchObject({ next: 'run', connectNotNeeded: true });
    expect(state.steps.find((step) => step.key === 'run')?.href).toBe(`/workflows/${workflowId}`);

    const runId = await insertRun(test.db, owner.workspaceId, workflowId);
    await finishRun(runId);
    state = await getOnboardingState(test.db, owner.scope);
    expect(state.next).toBe('trigger');
    expect(state.steps.find((step) => step.key === 'result')?.href).toBe(`/runs/${runId}`);
    expect(state.firstRun.complete).toBe(true);

    await test.db
      .updateTable('workflows')
      .set({ trigger_type: 'schedule', enabled: true })
      .where('id', '=', workflowId)
      .execute();
    expect((await getOnboardingState(test.db, owner.scope)).next).toBe('alerts');
    await insertFailureAlert(owner.workspaceId, workflowId);
    expect((await getOnboardingState(test.db, owner.scope)).next).toBe('invite');
    await seedMember(test.db, 'member', owner.workspaceId);
    expect((await getOnboardingState(test.db, owner.scope)).next).toBe('backup');
    await insertSnapshot(test.db, owner.workspaceId, workflowId, '2026-12-01T10:00:00Z');
    expect((await getOnboardingState(test.db, owner.scope)).next).toBe('apiKey');
    await createApiKey(test.db, owner.scope, { name: 'ci', scopes: ['read'] });
    state = await getOnboardingState(test.db, owner.scope);
    expect(state.next).toBeNull();
    expect(state.steps.every((step) => step.done)).toBe(true);
  });

  it('counts a disabled schedule as not yet running on its own', async () => {
    const owner = await seedMember(test.db, 'owner');
    const workflowId = await insertWorkflow(test.db, owner.workspaceId);
    await test.db
      .updateTable('workflows')
      .set({ trigger_type: 'schedule', enabled: false })
      .where('id', '=', workflowId)
      .execute();
    expect((await done(owner.scope)).trigger).toBe(false);
  });

  it('never ticks a step from another workspace’s data', async () => {
    const other = await seedMember(test.db, 'owner');
    const workflowId = await insertWorkflow(test.db, other.workspaceId);
    await finishRun(await insertRun(test.db, other.workspaceId, workflowId));
    await insertSnapshot(test.db, other.workspaceId, workflowId, '2026-12-01T10:00:00Z');
    await createApiKey(test.db, other.scope, { name: 'theirs', scopes: ['read'] });
    await insertFailureAlert(other.workspaceId, workflowId);
    const owner = await seedMember(test.db, 'owner');
    expect(Object.values(await done(owner.scope)).some(Boolean)).toBe(false);
    expect((await getOnboardingState(test.db, owner.scope)).steps.find((s) => s.key === 'run')?.href).toBe(
      '/workflows',
    );
  });
});
