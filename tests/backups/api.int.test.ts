import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { createApiKey } from '@/lib/api-keys/create-api-key';
import { seedMember, type Seeded } from '../accounts/seed';
import { startLocalServer } from '../helpers/http-server';
import { database, params, request, session } from '../helpers/route-request';
import { createTestDb, type TestDb } from '../helpers/test-db';
import { insertSnapshot, insertWorkflow } from './fixtures';

// NOTE: read once by getEnv(); the local restore destination listens on 127.0.0.1.
process.env.WORKFLOW_EGRESS_ALLOWLIST = '127.0.0.1';

let test: TestDb;

vi.mock('@/db', async () => (await import('../helpers/route-request')).dbModule());
vi.mock('@/lib/auth/session-scope', async () => (await import('../helpers/route-request')).sessionModule());

const listRoute = await import('@/app/api/backups/route');
const snapshotRoute = await import('@/app/api/backups/[id]/route');
const downloadRoute = await import('@/app/api/backups/[id]/download/route');
const restoreRoute = await import('@/app/api/backups/[id]/restore/route');
const retentionRoute = await import('@/app/api/workflows/[id]/retention/route');

let ownerA: Seeded;
let ownerB: Seeded;
let workflowA: string;
let snapshotA: string;
let readKeyA: string;

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

beforeAll(async () => {
  test = await createTestDb();
  database.current = test;
  ownerA = await seedMember(test.db, 'owner');
  ownerB = await seedMember(test.db, 'owner');
  workflowA = await insertWorkflow(test.db, ownerA.workspaceId, { name: 'Shop export' });
  snapshotA = await insertSnapshot(
    test.db,
    ownerA.workspaceId,
    workflowA,
    '2026-11-20T10:00:00Z',
    '{"orders":[1,2,3],"note":"é"}',
  );
  readKeyA = (await createApiKey(test.db, ownerA.scope, { name: 'read only', scopes: ['read'] })).key;
});
afterAll(() => test.close());
beforeEach(async () => {
  session.current = ownerA;
  await test.db.deleteFrom('rate_limits').execute();
});

describe('browsing and downloading backups', () => {
  it('downloads the exact bytes with content type, attachment name and checksum header', async () => {
    const response = await downloadRoute.GET(request(`/api/backups/${snapshotA}/download`), params({ id: snapshotA }));
    expect(response.status).toBe(200);
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect(new TextDecoder().decode(bytes)).toBe('{"orders":[1,2,3],"note":"é"}');
    expect(response.headers.get('x-checksum-sha256')).toBe(sha256(bytes));
    expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="orders-2026-11-20T10-00-00Z.json"');
    expect(response.headers.get('content-length')).toBe(String(bytes.byteLength));
  });

  it('shows metadata without content to a read-only API key', async () => {
    const body = await (
      await snapshotRoute.GET(request(`/api/backups/${snapshotA}`, { key: readKeyA }), params({ id: snapshotA }))
    ).json();
    expect(body).toMatchObject({
      id: snapshotA,
      workflowId: workflowA,
      workflowName: 'Shop export',
      format: 'json',
      sizeBytes: 30,
      // The download in the test above re-checked the checksum and recorded it.
      verifyStatus: 'ok',
      verifiedVia: 'download',
    });
    expect(body).not.toHaveProperty('content');
  });

  it('lists newest first and pages through every snapshot exactly once', async () => {
    const workflowId = await insertWorkflow(test.db, ownerA.workspaceId);
    const ids: string[] = [];
    for (let i = 0; i < 5; i++)
      ids.push(
        await insertSnapshot(
          test.db,
          ownerA.workspaceId,
          workflowId,
          new Date(Date.UTC(2026, 10, 1, 0, 0, 0, i)).toISOString(),
        ),
      );
    // Two snapshots in the same microsecond-precise instant must not be skipped or repeated by the cursor.
    await sql`update backup_snapshots set created_at = '2026-11-01T00:00:00.002345Z' where id = ${ids[2]}`.execute(
      test.db,
    );
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const query: string = `/api/backups?workflowId=${workflowId}&limit=2${cursor ? `&cursor=${cursor}` : ''}`;
      const page: { data: { id: string }[]; nextCursor: string | null } = await (
        await listRoute.GET(request(query))
      ).json();
      seen.push(...page.data.map((snapshot) => snapshot.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual([ids[4], ids[3], ids[2], ids[1], ids[0]]);
    expect((await listRoute.GET(request('/api/backups?cursor=bm9wZQ'))).status).toBe(422);
  });

  it('refuses to serve a snapshot whose bytes changed (409) and marks it corrupt', async () => {
    const workflowId = await insertWorkflow(test.db, ownerA.workspaceId);
    const id = await insertSnapshot(test.db, ownerA.workspaceId, workflowId, '2026-11-21T10:00:00Z');
    await sql`update backup_snapshots set content = set_byte(content, 3, 0) where id = ${id}`.execute(test.db);
    const response = await downloadRoute.GET(request(`/api/backups/${id}/download`), params({ id: id }));
    expect(response.status).toBe(409);
    expect((await response.json()).error).toMatchObject({
      code: 'conflict',
      message: expect.stringMatching(/no longer matches its SHA-256/),
    });
    expect(
      (await (await snapshotRoute.GET(request(`/api/backups/${id}`), params({ id: id }))).json()).verifyStatus,
    ).toBe('corrupt');
  });
});

describe("one workspace cannot reach another's backups", () => {
  it.each([
    ['metadata', () => snapshotRoute.GET(request(`/api/backups/${snapshotA}`), params({ id: snapshotA }))],
    ['download', () => downloadRoute.GET(request(`/api/backups/${snapshotA}/download`), params({ id: snapshotA }))],
    [
      'restore',
      () =>
        restoreRoute.POST(
          request(`/api/backups/${snapshotA}/restore`, {
            method: 'POST',
            body: JSON.stringify({ url: 'https://example.com/in' }),
          }),
          params({ id: snapshotA }),
        ),
    ],
    ['list by workflow', () => listRoute.GET(request(`/api/backups?workflowId=${workflowA}`))],
    [
      'retention plan',
      () => retentionRoute.GET(request(`/api/workflows/${workflowA}/retention`), params({ id: workflowA })),
    ],
    [
      'retention change',
      () =>
        retentionRoute.PUT(
          request(`/api/workflows/${workflowA}/retention`, {
            method: 'PUT',
            body: JSON.stringify({ policy: { keepLast: 1 } }),
          }),
          params({ id: workflowA }),
        ),
    ],
  ])('%s → 404', async (_name, attempt) => {
    session.current = ownerB;
    const response = await attempt();
    expect(response.status).toBe(404);
    expect((await response.json()).error.code).toBe('not_found');
  });

  it("lists none of A's snapshots to B, and leaves A's policy unchanged", async () => {
    session.current = ownerB;
    expect((await (await listRoute.GET(request('/api/backups'))).json()).data).toEqual([]);
    session.current = ownerA;
    expect(
      (
        await (
          await retentionRoute.GET(request(`/api/workflows/${workflowA}/retention`), params({ id: workflowA }))
        ).json()
      ).policy,
    ).toEqual({});
  });
});

describe('retention over the API', () => {
  it('shows the plan, previews a change without saving it, and saves it', async () => {
    const workflowId = await insertWorkflow(test.db, ownerA.workspaceId);
    const kept = await insertSnapshot(test.db, ownerA.workspaceId, workflowId, '2026-11-22T10:00:00Z');
    const dropped = await insertSnapshot(test.db, ownerA.workspaceId, workflowId, '2026-11-21T10:00:00Z');
    const put = (body: unknown) =>
      retentionRoute.PUT(
        request(`/api/workflows/${workflowId}/retention`, { method: 'PUT', body: JSON.stringify(body) }),
        params({ id: workflowId }),
      );

    const preview = await (await put({ policy: { keepLast: 1 }, dryRun: true })).json();
    expect(preview).toMatchObject({
      saved: false,
      plan: { keep: [{ id: kept, reasons: ['last'] }], remove: [{ id: dropped }] },
    });
    expect(
      (
        await (
          await retentionRoute.GET(request(`/api/workflows/${workflowId}/retention`), params({ id: workflowId }))
        ).json()
      ).policy,
    ).toEqual({});

    expect((await put({ policy: { keepLast: 1 } })).status).toBe(200);
    const current = await (
      await retentionRoute.GET(request(`/api/workflows/${workflowId}/retention`), params({ id: workflowId }))
    ).json();
    expect(current).toMatchObject({ policy: { keepLast: 1 }, plan: { totals: { keep: 1, remove: 1 } } });

    const invalid = await put({ policy: { keepDaily: -1 } });
    expect(invalid.status).toBe(422);
    expect((await invalid.json()).error.details.issues[0].path).toBe('policy.keepDaily');
  });

  it('refuses a change through a read-only API key with 403', async () => {
    const response = await retentionRoute.PUT(
      request(`/api/workflows/${workflowA}/retention`, {
        method: 'PUT',
        key: readKeyA,
        body: JSON.stringify({ policy: { keepLast: 1 } }),
      }),
      params({ id: workflowA }),
    );
    expect(response.status).toBe(403);
  });
});

describe('restoring a backup to a URL', () => {
  it('pushes the exact bytes with the checksum and records the restore in the audit log', async () => {
    const received: { method?: string; headers?: Record<string, unknown>; body?: Buffer } = {};
    const server = await startLocalServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        Object.assign(received, { method: req.method, headers: req.headers, body: Buffer.concat(chunks) });
        res.writeHead(201).end();
      });
    });
    try {
      const response = await restoreRoute.POST(
        request(`/api/backups/${snapshotA}/restore`, {
          method: 'POST',
          body: JSON.stringify({ url: `${server.url}/import?token=secret` }),
        }),
        params({ id: snapshotA }),
      );
      expect(response.status).toBe(200);
      expect(await response.json()).toMatchObject({
        snapshotId: snapshotA,
        destination: `${server.url}/import`,
        status: 201,
      });
      expect(received.method).toBe('POST');
      expect(received.body?.toString()).toBe('{"orders":[1,2,3],"note":"é"}');
      expect(received.headers).toMatchObject({
        'content-type': 'application/json; charset=utf-8',
        'x-checksum-sha256': sha256(new Uint8Array(received.body!)),
      });
    } finally {
      await server.close();
    }
    const audit = await test.db
      .selectFrom('audit_logs')
      .select(['action', 'target_id', 'meta'])
      .where('action', '=', 'backup.restored')
      .execute();
    expect(audit).toEqual([
      {
        action: 'backup.restored',
        target_id: snapshotA,
        meta: expect.objectContaining({ destination: expect.stringMatching(/\/import$/), status: 201 }),
      },
    ]);
  });

  it('refuses a private destination with 400 and audits the failed attempt', async () => {
    const response = await restoreRoute.POST(
      request(`/api/backups/${snapshotA}/restore`, {
        method: 'POST',
        body: JSON.stringify({ url: 'http://169.254.169.254/latest' }),
      }),
      params({ id: snapshotA }),
    );
    expect(response.status).toBe(400);
    expect((await response.json()).error.message).toMatch(/Refused to connect to 169\.254\.169\.254/);
    const failed = await test.db
      .selectFrom('audit_logs')
      .select('meta')
      .where('action', '=', 'backup.restore_failed')
      .execute();
    expect(failed).toHaveLength(1);
  });

  it('refuses a restore through a read-only API key with 403', async () => {
    const response = await restoreRoute.POST(
      request(`/api/backups/${snapshotA}/restore`, {
        method: 'POST',
        key: readKeyA,
        body: JSON.stringify({ url: 'https://example.com/in' }),
      }),
      params({ id: snapshotA }),
    );
    expect(response.status).toBe(403);
  });
});
