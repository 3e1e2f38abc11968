// /api/v1/approvals: one status a page at a time (ties on created_at neither skipped nor repeated), and deciding one
// with an admin key: approve, reject, a second decision or an expired approval refused (409), a key whose creator lost the admin role refused.
import { sql } from 'kysely';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { createApiKey } from '@/lib/api-keys/create-api-key';
import { requestApproval } from '@/lib/workflows/approvals/request-approval';
import { GET as listApprovals } from '@/app/api/v1/approvals/route';
import { POST as decideApproval } from '@/app/api/v1/approvals/[id]/decision/route';
import { seedMember } from '../../accounts/seed';
import { insertRun, insertWorkflow } from '../../backups/fixtures';
import { database } from '../../helpers/route-request';
import { createTestDb, type TestDb } from '../../helpers/test-db';
import { callRoute, contractSuite, operationsOfTag, resetRateLimits, seedApiCaller } from '../../helpers/v1-contract';

vi.mock('@/db', async () => (await import('../../helpers/route-request')).dbModule());

let test: TestDb;
let caller: Awaited<ReturnType<typeof seedApiCaller>>;
let otherApprovalId: string;
const pending: string[] = [];
const suite = contractSuite();

async function openApproval(workspaceId: string, expiresAt = new Date(Date.now() + 3_600_000)) {
  const workflowId = await insertWorkflow(test.db, workspaceId, { name: 'Refunds over 100' });
  const runId = await insertRun(test.db, workspaceId, workflowId);
  const { id } = await requestApproval(test.db, {
    workspaceId,
    workflowId,
    runId,
    stepId: 'ask',
    actionClass: 'B',
    message: 'Refund 240 EUR?',
    expiresAt,
    workflowName: 'Refunds over 100',
  });
  return id;
}

beforeAll(async () => {
  test = await createTestDb();
  database.current = test;
  caller = await seedApiCaller(test.db);
  for (let i = 0; i < 5; i++) pending.push(await openApproval(caller.workspaceId));
  // Three approvals in the same millisecond (two of them in the same microsecond): the cursor must keep them apart.
  await sql`update workflow_approvals set created_at = '2026-12-01T10:00:00.001000Z' where id in (${pending[1]}, ${pending[2]})`.execute(
    test.db,
  );
  await sql`update workflow_approvals set created_at = '2026-12-01T10:00:00.001700Z' where id = ${pending[3]}`.execute(
    test.db,
  );
  otherApprovalId = await openApproval((await seedApiCaller(test.db)).workspaceId);
});

beforeEach(() => resetRateLimits(test.db));

afterAll(async () => {
  suite.expectCovered(operationsOfTag('Approvals'), 'own');
  await test?.close();
});

async function listAll(query: string): Promise<{ id: string; status: string }[]> {
  const seen: { id: string; status: string }[] = [];
  let cursor: string | null = null;
  do {
    const path: string = `/api/v1/approvals?limit=2${query}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
    const page = await suite.check('listApprovals', await callRoute(listApprovals, path, { key: caller.keys.read }));
    expect(page.data.length).toBeLessThanOrEqual(2);
    seen.push(...page.data);
    cursor = page.nextCursor;
  } while (cursor);
  return seen;
}

const decide = (id: string, json: unknown, key = caller.keys.full) =>
  callRoute(decideApproval, `/api/v1/approvals/${id}/decision`, { method: 'POST', key, json, params: { id } });

describe('GET /api/v1/approvals', () => {
  it("pages through the workspace's pending approvals once each, and only those", async () => {
    const seen = await listAll('');
    expect(seen.map((approval) => approval.id).sort()).toEqual([...pending].sort());
    expect(seen.every((approval) => approval.status === 'pending')).toBe(true);
  });

  it('refuses a cursor it did not issue, naming the field', async () => {
    const response = await callRoute(listApprovals, '/api/v1/approvals?cursor=bm9wZQ', { key: caller.keys.read });
    expect(response.status).toBe(422);
    expect((await suite.check('listApprovals', response)).error.details.issues[0].path).toBe('cursor');
  });
});

describe('POST /api/v1/approvals/{id}/decision', () => {
  it('approves with a comment, then refuses a second decision (409)', async () => {
    const response = await decide(pending[0]!, { decision: 'approve', comment: 'Checked with the customer' });
    expect(response.status).toBe(200);
    expect(await suite.check('decideApproval', response)).toMatchObject({
      id: pending[0],
      status: 'approved',
      decidedVia: 'api',
      decidedBy: caller.email,
      comment: 'Checked with the customer',
    });
    const again = await decide(pending[0]!, { decision: 'reject' });
    expect(again.status).toBe(409);
    expect((await suite.check('decideApproval', again)).error.message).toMatch(/already approved/);
  });

  it('rejects, and the approval moves from the pending list to the rejected one', async () => {
    const response = await decide(pending[1]!, { decision: 'reject' });
    expect((await suite.check('decideApproval', response)).status).toBe('rejected');
    expect((await listAll('')).map((approval) => approval.id)).not.toContain(pending[1]);
    expect((await listAll('&status=rejected')).map((approval) => approval.id)).toEqual([pending[1]]);
    expect((await listAll('&status=approved')).map((approval) => approval.id)).toEqual([pending[0]]);
  });

  it('refuses to decide an approval past its expiry (409)', async () => {
    const expired = await openApproval(caller.workspaceId, new Date(Date.now() - 1_000));
    const response = await decide(expired, { decision: 'approve' });
    expect(response.status).toBe(409);
    expect((await suite.check('decideApproval', response)).error.message).toMatch(/expired/);
  });

  it("answers 404 for another workspace's approval and leaves it pending", async () => {
    const response = await decide(otherApprovalId, { decision: 'approve' });
    expect(response.status).toBe(404);
    await suite.check('decideApproval', response);
    const row = await test.db
      .selectFrom('workflow_approvals')
      .select('status')
      .where('id', '=', otherApprovalId)
      .executeTakeFirstOrThrow();
    expect(row.status).toBe('pending');
  });

  it('refuses a key whose creator is no longer an admin, even in a workspace where members may approve', async () => {
    const admin = await seedMember(test.db, 'admin', caller.workspaceId);
    const key = (await createApiKey(test.db, admin.scope, { name: 'ops', scopes: ['read', 'write', 'admin'] })).key;
    await test.db
      .updateTable('memberships')
      .set({ role: 'member' })
      .where('user_id', '=', admin.userId)
      .where('workspace_id', '=', caller.workspaceId)
      .execute();
    await test.db
      .updateTable('workspaces')
      .set({ approvers: 'members' })
      .where('id', '=', caller.workspaceId)
      .execute();
    const refused = await decide(pending[2]!, { decision: 'approve' }, key);
    expect(refused.status).toBe(403);
    expect((await suite.check('decideApproval', refused)).error.details).toMatchObject({ requiredScope: 'admin' });
    const row = await test.db
      .selectFrom('workflow_approvals')
      .select('status')
      .where('id', '=', pending[2]!)
      .executeTakeFirstOrThrow();
    expect(row.status).toBe('pending');
    const owners = await decide(pending[2]!, { decision: 'approve' });
    expect((await suite.check('decideApproval', owners)).status).toBe('approved');
  });
});
