import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { approvalLinkToken } from '@/lib/workflows/approvals/approval-link';
import { getApprovalByLink } from '@/lib/workflows/approvals/get-approval-by-link';
import { seedMember } from '../accounts/seed';
import { createTestDb, type TestDb } from '../helpers/test-db';
import { seedWorkflow } from './fixtures';

let test: TestDb;
let approvalId: string;
let otherApprovalId: string;

async function seedApproval(workspaceId: string, workflowId: string) {
  const run = await test.db
    .insertInto('workflow_runs')
    .values({
      workspace_id: workspaceId,
      workflow_id: workflowId,
      version: 1,
      status: 'queued',
      waiting: 'approval',
      trigger_type: 'manual',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const approval = await test.db
    .insertInto('workflow_approvals')
    .values({
      workspace_id: workspaceId,
      workflow_id: workflowId,
      run_id: run.id,
      step_id: 'gate',
      action_class: 'C',
      message: 'Send the invoices?',
      expires_at: new Date(Date.now() + 3_600_000),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return approval.id;
}

beforeAll(async () => {
  test = await createTestDb();
  const owner = await seedMember(test.db, 'owner');
  const workflow = await seedWorkflow(test.db, owner.workspaceId, {
    name: 'Invoices',
    steps: [{ id: 'gate', type: 'approval', config: {} }],
  });
  approvalId = await seedApproval(owner.workspaceId, workflow.id);
  otherApprovalId = await seedApproval(owner.workspaceId, workflow.id);
});

afterAll(async () => {
  await test.close();
});

describe('the page an approval email links to', () => {
  it('shows the approval to whoever holds its signed link', async () => {
    const approval = await getApprovalByLink(test.db, approvalId, approvalLinkToken(approvalId));
    expect(approval).toMatchObject({
      id: approvalId,
      workflowName: 'Invoices',
      stepId: 'gate',
      message: 'Send the invoices?',
      status: 'pending',
    });
  });

  it('shows nothing for a token of another approval, a forged token or a missing approval', async () => {
    expect(await getApprovalByLink(test.db, approvalId, approvalLinkToken(otherApprovalId))).toBeNull();
    expect(await getApprovalByLink(test.db, approvalId, 'x'.repeat(43))).toBeNull();
    expect(await getApprovalByLink(test.db, approvalId, 'short')).toBeNull();
    const missing = '00000000-0000-4000-8000-000000000000';
    expect(await getApprovalByLink(test.db, missing, approvalLinkToken(missing))).toBeNull();
  });
});
