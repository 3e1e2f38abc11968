import { sql } from 'kysely';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { seedMember, type Seeded } from '../accounts/seed';
import { database, params, request, session } from '../helpers/route-request';
import { createTestDb, type TestDb } from '../helpers/test-db';
import { insertRun, insertSnapshot, insertWorkflow } from './fixtures';

let test: TestDb;

vi.mock('@/db', async () => (await import('../helpers/route-request')).dbModule());
vi.mock('@/lib/auth/session-scope', async () => (await import('../helpers/route-request')).sessionModule());

const snapshotRoute = await import('@/app/api/backups/[id]/route');
const downloadRoute = await import('@/app/api/backups/[id]/download/route');
const verifyRoute = await import('@/app/api/backups/[id]/verify/route');
const listRoute = await import('@/app/api/backups/route');

let ownerA: Seeded;
let ownerB: Seeded;
let workflowA: string;

const verify = (id: string) =>
  verifyRoute.POST(request(`/api/backups/${id}/verify`, { method: 'POST' }), params({ id }));
const metadata = async (id: string) => (await snapshotRoute.GET(request(`/api/backups/${id}`), params({ id }))).json();

beforeAll(async () => {
  test = await createTestDb();
  database.current = test;
  ownerA = await seedMember(test.db, 'owner');
  ownerB = await seedMember(test.db, 'owner');
  workflowA = await insertWorkflow(test.db, ownerA.workspaceId, { name: 'Shop export' });
});
afterAll(() => test.close());
beforeEach(async () => {
  session.current = ownerA;
  await test.db.deleteFrom('rate_limits').execute();
});

describe('Verify now', () => {
  it('marks an intact snapshot verified, with the time and how it was checked', async () => {
    const id = await insertSnapshot(test.db, ownerA.workspaceId, workflowA, '2026-11-20T10:00:00Z');
    expect((await metadata(id)).verifyStatus).toBe('unverified');
    const response = await verify(id);
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body).toMatchObject({ id, verifyStatus: 'ok', verifiedVia: 'verify' });
    expect(Date.now() - Date.parse(body.verifiedAt)).toBeLessThan(60_000);
    expect((await metadata(id)).checks).toEqual([{ via: 'verify', result: 'ok', checkedAt: body.verifiedAt }]);
  });

  it('marks a snapshot whose stored bytes were tampered with corrupt, and then refuses to serve it', async () => {
    const id = await insertSnapshot(test.db, ownerA.workspaceId, workflowA, '2026-11-20T11:00:00Z');
    await verify(id);
    await sql`update backup_snapshots set content = set_byte(content, 2, 0) where id = ${id}`.execute(test.db);
    const body = await (await verify(id)).json();
    expect(body).toMatchObject({ id, verifyStatus: 'corrupt', verifiedVia: 'verify' });
    expect((await metadata(id)).checks.map((check: { result: string }) => check.result)).toEqual(['corrupt', 'ok']);
    expect((await downloadRoute.GET(request(`/api/backups/${id}/download`), params({ id }))).status).toBe(409);
  });

  it("answers 404 for another workspace's snapshot and records nothing", async () => {
    const id = await insertSnapshot(test.db, ownerA.workspaceId, workflowA, '2026-11-20T12:00:00Z');
    session.current = ownerB;
    const response = await verify(id);
    expect(response.status).toBe(404);
    expect((await response.json()).error.code).toBe('not_found');
    session.current = ownerA;
    expect(await metadata(id)).toMatchObject({ verifyStatus: 'unverified', verifiedAt: null, checks: [] });
  });
});

describe('checks made by downloads', () => {
  it('records a successful download as a verification, so the snapshot no longer shows "Not yet verified"', async () => {
    const id = await insertSnapshot(test.db, ownerA.workspaceId, workflowA, '2026-11-21T10:00:00Z');
    expect((await downloadRoute.GET(request(`/api/backups/${id}/download`), params({ id }))).status).toBe(200);
    const after = await metadata(id);
    expect(after).toMatchObject({ verifyStatus: 'ok', verifiedVia: 'download' });
    expect(after.checks).toEqual([expect.objectContaining({ via: 'download', result: 'ok' })]);
    const listed = (await (await listRoute.GET(request(`/api/backups?workflowId=${workflowA}`))).json()).data;
    expect(listed.find((snapshot: { id: string }) => snapshot.id === id)).toMatchObject({
      verifyStatus: 'ok',
      verifiedVia: 'download',
    });
  });
});

describe('snapshot naming', () => {
  it('names the backup step from the workflow and links the snapshot to its run', async () => {
    const runId = await insertRun(test.db, ownerA.workspaceId, workflowA);
    const row = await test.db
      .insertInto('backup_snapshots')
      .values({
        workspace_id: ownerA.workspaceId,
        workflow_id: workflowA,
        run_id: runId,
        step_id: 'save',
        name: 'orders',
        format: 'json',
        content_type: 'application/json',
        source: 'test',
        size_bytes: 2,
        sha256: '44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a',
        content: Buffer.from('{}'),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await test.db
      .updateTable('workflow_versions')
      .set({
        definition: JSON.stringify({
          schemaVersion: 1,
          name: 'Shop export',
          trigger: { type: 'manual' },
          steps: [{ id: 'save', name: 'Save orders', type: 'backup', config: {} }],
        }),
      })
      .where('workflow_id', '=', workflowA)
      .execute();
    expect(await metadata(row.id)).toMatchObject({ workflowName: 'Shop export', stepName: 'Save orders', runId });
  });
});
