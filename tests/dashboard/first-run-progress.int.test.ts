import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dismissFirstRun } from '@/lib/dashboard/dismiss-first-run';
import { getFirstRunProgress } from '@/lib/dashboard/get-first-run-progress';
import { seedMember } from '../accounts/seed';
import { insertRun, insertWorkflow } from '../backups/fixtures';
import { createTestDb, type TestDb } from '../helpers/test-db';

let test: TestDb;

beforeAll(async () => {
  test = await createTestDb();
});
afterAll(() => test.close());

async function finishRun(runId: string) {
  await test.db
    .updateTable('workflow_runs')
    .set({ status: 'succeeded', finished_at: new Date() })
    .where('id', '=', runId)
    .execute();
}

async function needCredential(workflowId: string) {
  await test.db
    .updateTable('workflow_versions')
    .set({
      definition: JSON.stringify({
        schemaVersion: 1,
        name: 'Post to Slack',
        trigger: { type: 'manual' },
        steps: [{ id: 'post', type: 'slack', config: { credential: 'team-slack', text: 'hi' } }],
      }),
    })
    .where('workflow_id', '=', workflowId)
    .execute();
}

describe('first-run progress', () => {
  it('starts with nothing done for a new workspace', async () => {
    const owner = await seedMember(test.db, 'owner');
    expect(await getFirstRunProgress(test.db, owner.scope)).toEqual({
      created: false,
      connect: 'todo',
      ran: false,
      sawResult: false,
      latestRunId: null,
      complete: false,
      dismissed: false,
    });
  });

  it('ticks each step from the data and lets a workflow that needs no tool skip "Connect a tool"', async () => {
    const owner = await seedMember(test.db, 'owner');
    const workflowId = await insertWorkflow(test.db, owner.workspaceId);
    expect(await getFirstRunProgress(test.db, owner.scope)).toMatchObject({
      created: true,
      connect: 'notNeeded',
      ran: false,
    });
    const runId = await insertRun(test.db, owner.workspaceId, workflowId);
    expect(await getFirstRunProgress(test.db, owner.scope)).toMatchObject({
      ran: true,
      sawResult: false,
      latestRunId: runId,
      complete: false,
    });
    await finishRun(runId);
    expect(await getFirstRunProgress(test.db, owner.scope)).toMatchObject({ sawResult: true, complete: true });
  });

  it('keeps "Connect a tool" to do while a workflow needs a credential, until one is connected', async () => {
    const owner = await seedMember(test.db, 'owner');
    const workflowId = await insertWorkflow(test.db, owner.workspaceId);
    await needCredential(workflowId);
    await finishRun(await insertRun(test.db, owner.workspaceId, workflowId));
    expect(await getFirstRunProgress(test.db, owner.scope)).toMatchObject({ connect: 'todo', complete: false });
    await test.db
      .insertInto('connector_credentials')
      .values({ workspace_id: owner.workspaceId, name: 'team-slack', connector: 'slack', ciphertext: 'x' })
      .execute();
    expect(await getFirstRunProgress(test.db, owner.scope)).toMatchObject({ connect: 'done', complete: true });
  });

  it("counts only the workspace's own data", async () => {
    const busy = await seedMember(test.db, 'owner');
    const workflowId = await insertWorkflow(test.db, busy.workspaceId);
    await finishRun(await insertRun(test.db, busy.workspaceId, workflowId));
    const fresh = await seedMember(test.db, 'owner');
    expect(await getFirstRunProgress(test.db, fresh.scope)).toMatchObject({ created: false, ran: false });
  });

  it('can be hidden only once every step is done, and stays hidden', async () => {
    const owner = await seedMember(test.db, 'owner');
    await expect(dismissFirstRun(test.db, owner.scope)).rejects.toMatchObject({ code: 'conflict' });
    const workflowId = await insertWorkflow(test.db, owner.workspaceId);
    await finishRun(await insertRun(test.db, owner.workspaceId, workflowId));
    await dismissFirstRun(test.db, owner.scope);
    expect((await getFirstRunProgress(test.db, owner.scope)).dismissed).toBe(true);
  });
});
