// /api/v1/backups: snapshots a page at a time (by workflow, ties on created_at neither skipped nor repeated), one
// snapshot with its checks, the download's bytes and checksum, a corrupt snapshot refused (409), and verify now.
import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { GET as listBackups } from '@/app/api/v1/backups/route';
import { GET as getBackup } from '@/app/api/v1/backups/[id]/route';
import { GET as downloadBackup } from '@/app/api/v1/backups/[id]/download/route';
import { POST as verifyBackup } from '@/app/api/v1/backups/[id]/verify/route';
import { insertSnapshot, insertWorkflow } from '../../backups/fixtures';
import { database } from '../../helpers/route-request';
import { createTestDb, type TestDb } from '../../helpers/test-db';
import { callRoute, contractSuite, operationsOfTag, resetRateLimits, seedApiCaller } from '../../helpers/v1-contract';

vi.mock('@/db', async () => (await import('../../helpers/route-request')).dbModule());

let test: TestDb;
let caller: Awaited<ReturnType<typeof seedApiCaller>>;
let other: Awaited<ReturnType<typeof seedApiCaller>>;
let workflowId: string;
let otherWorkflowId: string;
let otherSnapshotId: string;
const ids: string[] = [];
const suite = contractSuite();
const CONTENT = '{"orders":[1,2,3],"note":"é"}';

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const corrupt = (id: string) =>
  sql`update backup_snapshots set content = set_byte(content, 3, 0) where id = ${id}`.execute(test.db);

beforeAll(async () => {
  test = await createTestDb();
  database.current = test;
  caller = await seedApiCaller(test.db);
  other = await seedApiCaller(test.db);
  workflowId = await insertWorkflow(test.db, caller.workspaceId, { name: 'Shop export' });
  const elsewhere = await insertWorkflow(test.db, caller.workspaceId, { name: 'CRM export' });
  for (let i = 0; i < 5; i++)
    ids.push(
      await insertSnapshot(
        test.db,
        caller.workspaceId,
        workflowId,
        new Date(Date.UTC(2026, 10, 1, 0, 0, 0, i)).toISOString(),
        CONTENT,
      ),
    );
  // Two snapshots in the same millisecond, 345 µs apart: a cursor cut to milliseconds would skip one.
  await sql`update backup_snapshots set created_at = '2026-11-01T00:00:00.002000Z' where id = ${ids[1]}`.execute(
    test.db,
  );
  await sql`update backup_snapshots set created_at = '2026-11-01T00:00:00.002345Z' where id = ${ids[2]}`.execute(
    test.db,
  );
  await insertSnapshot(test.db, caller.workspaceId, elsewhere, '2026-11-02T00:00:00Z');
  otherWorkflowId = await insertWorkflow(test.db, other.workspaceId);
  otherSnapshotId = await insertSnapshot(test.db, other.workspaceId, otherWorkflowId, '2026-11-03T00:00:00Z');
});

beforeEach(() => resetRateLimits(test.db));

afterAll(async () => {
  suite.expectCovered(operationsOfTag('Backups'), 'own');
  await test?.close();
});

const idCall = (id: string, suffix = '', method = 'GET', key = caller.keys.read) => ({
  path: `/api/v1/backups/${id}${suffix}`,
  init: { key, method, params: { id } },
});

describe('GET /api/v1/backups', () => {
  it("pages through one workflow's snapshots newest first, none skipped or repeated", async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const path: string = `/api/v1/backups?workflowId=${workflowId}&limit=2${cursor ? `&cursor=${cursor}` : ''}`;
      const page = await suite.check('listBackups', await callRoute(listBackups, path, { key: caller.keys.read }));
      seen.push(...page.data.map((backup: { id: string }) => backup.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual([ids[4], ids[3], ids[2], ids[1], ids[0]]);
  });

  it("lists every workflow's snapshots of the workspace, and only those", async () => {
    const page = await suite.check(
      'listBackups',
      await callRoute(listBackups, '/api/v1/backups', { key: caller.keys.read }),
    );
    expect(page.data).toHaveLength(6);
    expect(page.data.map((backup: { id: string }) => backup.id)).not.toContain(otherSnapshotId);
    expect(page.nextCursor).toBeNull();
  });

  it("answers 404 for another workspace's workflow and 422 for a cursor it did not issue", async () => {
    const missing = await callRoute(listBackups, `/api/v1/backups?workflowId=${otherWorkflowId}`, {
      key: caller.keys.read,
    });
    expect(missing.status).toBe(404);
    await suite.check('listBackups', missing);
    const bad = await callRoute(listBackups, '/api/v1/backups?cursor=bm9wZQ', { key: caller.keys.read });
    expect(bad.status).toBe(422);
    expect((await suite.check('listBackups', bad)).error.details.issues[0].path).toBe('cursor');
  });
});

describe('GET /api/v1/backups/{id} and its download', () => {
  it('downloads the exact bytes, with their SHA-256 in X-Checksum-SHA256', async () => {
    const call = idCall(ids[0]!, '/download');
    const response = await callRoute(downloadBackup, call.path, call.init);
    expect(response.status).toBe(200);
    const bytes = new Uint8Array(await response.clone().arrayBuffer());
    await suite.check('downloadBackup', response);
    expect(new TextDecoder().decode(bytes)).toBe(CONTENT);
    expect(response.headers.get('x-checksum-sha256')).toBe(sha256(bytes));
    expect(response.headers.get('content-length')).toBe(String(bytes.byteLength));
    expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename=".+\.json"$/);
  });

  it('shows the metadata with the check the download recorded, never the content', async () => {
    const call = idCall(ids[0]!);
    const backup = await suite.check('getBackup', await callRoute(getBackup, call.path, call.init));
    expect(backup).toMatchObject({ id: ids[0], workflowId, workflowName: 'Shop export', verifyStatus: 'ok' });
    expect(backup.checks[0]).toMatchObject({ via: 'download', result: 'ok' });
    expect(backup.sha256).toBe(sha256(new TextEncoder().encode(CONTENT)));
  });

  it('refuses to serve a snapshot whose bytes changed (409) and shows it as corrupt', async () => {
    await corrupt(ids[1]!);
    const download = idCall(ids[1]!, '/download');
    const response = await callRoute(downloadBackup, download.path, download.init);
    expect(response.status).toBe(409);
    expect((await suite.check('downloadBackup', response)).error.message).toMatch(/no longer matches its SHA-256/);
    const call = idCall(ids[1]!);
    expect((await suite.check('getBackup', await callRoute(getBackup, call.path, call.init))).verifyStatus).toBe(
      'corrupt',
    );
  });
});

describe('POST /api/v1/backups/{id}/verify', () => {
  it('reports ok for intact bytes and corrupt for changed ones, recording each check', async () => {
    const intact = idCall(ids[3]!, '/verify', 'POST', caller.keys.write);
    const ok = await suite.check('verifyBackup', await callRoute(verifyBackup, intact.path, intact.init));
    expect(ok).toMatchObject({ result: 'ok', backup: { id: ids[3], verifyStatus: 'ok', verifiedVia: 'verify' } });
    await corrupt(ids[4]!);
    const changed = idCall(ids[4]!, '/verify', 'POST', caller.keys.write);
    const bad = await suite.check('verifyBackup', await callRoute(verifyBackup, changed.path, changed.init));
    expect(bad).toMatchObject({ result: 'corrupt', backup: { verifyStatus: 'corrupt' } });
    const checks = await test.db
      .selectFrom('backup_checks')
      .select('result')
      .where('snapshot_id', '=', ids[4]!)
      .execute();
    expect(checks).toEqual([{ result: 'corrupt' }]);
  });
});

describe("another workspace's snapshot", () => {
  it('is not found, however it is asked for', async () => {
    const routes = [
      ['getBackup', getBackup, '', 'GET'],
      ['downloadBackup', downloadBackup, '/download', 'GET'],
      ['verifyBackup', verifyBackup, '/verify', 'POST'],
    ] as const;
    for (const [operationId, route, suffix, method] of routes) {
      const call = idCall(otherSnapshotId, suffix, method, caller.keys.full);
      const response = await callRoute(route, call.path, call.init);
      expect(response.status, operationId).toBe(404);
      await suite.check(operationId, response);
    }
    const untouched = await test.db
      .selectFrom('backup_snapshots')
      .select('verify_status')
      .where('id', '=', otherSnapshotId)
      .executeTakeFirstOrThrow();
    expect(untouched.verify_status).toBe('unverified');
  });
});
