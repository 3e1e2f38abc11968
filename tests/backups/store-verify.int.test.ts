import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifySnapshots } from '@/lib/backups/verify-snapshots';
import { backupStep } from '@/lib/workflows/steps/backup';
import { StepError } from '@/lib/workflows/steps/types';
import { seedMember, type Seeded } from '../accounts/seed';
import { createTestDb, type TestDb } from '../helpers/test-db';
import { insertRun, insertSnapshot, insertWorkflow, stepContext } from './fixtures';

// NOTE: read once by getEnv(), on first use below.
process.env.BACKUP_MAX_BYTES = '4096';

let test: TestDb;
let owner: Seeded;
let member: Seeded;
let workflowId: string;

beforeAll(async () => {
  test = await createTestDb();
  owner = await seedMember(test.db, 'owner');
  member = await seedMember(test.db, 'member', owner.workspaceId);
  workflowId = await insertWorkflow(test.db, owner.workspaceId);
});
afterAll(() => test.close());

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const flipFirstByte = (id: string) =>
  sql`update backup_snapshots set content = set_byte(content, 0, get_byte(content, 0) # 1) where id = ${id}`.execute(
    test.db,
  );
const snapshotRow = (id: string) =>
  test.db.selectFrom('backup_snapshots').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

async function runBackup(config: Record<string, unknown>, runId?: string) {
  const ids = {
    workspaceId: owner.workspaceId,
    workflowId,
    runId: runId ?? (await insertRun(test.db, owner.workspaceId, workflowId)),
  };
  return backupStep.execute(backupStep.configSchema.parse(config), stepContext(test.db, ids));
}

describe('the backup step', () => {
  it('stores pretty JSON with its SHA-256, size and source, and reports them', async () => {
    const outcome = await runBackup({
      name: 'Orders',
      format: 'json',
      data: [{ id: 1 }],
      source: 'steps.fetch.output.body',
    });
    expect(outcome.kind).toBe('output');
    const output = (outcome as { output: { snapshotId: string; sha256: string; sizeBytes: number; format: string } })
      .output;
    const row = await snapshotRow(output.snapshotId);
    const expected = new TextEncoder().encode('[\n  {\n    "id": 1\n  }\n]\n');
    expect(new Uint8Array(row.content)).toEqual(expected);
    expect(output).toEqual({
      snapshotId: row.id,
      sha256: sha256(expected),
      sizeBytes: expected.byteLength,
      format: 'json',
    });
    expect(row).toMatchObject({
      sha256: sha256(expected),
      size_bytes: expected.byteLength,
      content_type: 'application/json; charset=utf-8',
      source: 'steps.fetch.output.body',
      verify_status: 'unverified',
    });
  });

  it('stores one snapshot when a run retries the same step', async () => {
    const runId = await insertRun(test.db, owner.workspaceId, workflowId);
    const first = await runBackup({ name: 'Orders', format: 'csv', data: [{ a: 1 }] }, runId);
    const retried = await runBackup({ name: 'Orders', format: 'csv', data: [{ a: 1 }] }, runId);
    expect(retried).toEqual(first);
    const rows = await test.db.selectFrom('backup_snapshots').select('id').where('run_id', '=', runId).execute();
    expect(rows).toHaveLength(1);
  });

  it('refuses content over BACKUP_MAX_BYTES with a non-retryable error and stores nothing', async () => {
    const runId = await insertRun(test.db, owner.workspaceId, workflowId);
    const error = await runBackup({ name: 'Too big', format: 'text', data: 'x'.repeat(4097) }, runId).catch(
      (thrown: unknown) => thrown,
    );
    expect(error).toBeInstanceOf(StepError);
    expect(error).toMatchObject({
      code: 'backup_too_large',
      retryable: false,
      details: { sizeBytes: 4097, maxBytes: 4096 },
    });
    expect((error as Error).message).toMatch(/at most 4 KiB \(BACKUP_MAX_BYTES\)/);
    expect(await test.db.selectFrom('backup_snapshots').select('id').where('run_id', '=', runId).execute()).toEqual([]);
  });

  it('refuses data that does not fit the format, without retrying', async () => {
    await expect(runBackup({ name: 'Bad', format: 'binary', data: 'not base64!' })).rejects.toMatchObject({
      code: 'backup_invalid_data',
      retryable: false,
    });
    await expect(runBackup({ name: 'Empty', format: 'json', data: null })).rejects.toMatchObject({
      code: 'backup_no_data',
      retryable: false,
    });
  });

  it('requires a name, a known format and data in its config', () => {
    expect(
      backupStep.configSchema.safeParse({ name: 'x', format: 'json', data: '{{steps.fetch.output.body}}' }).success,
    ).toBe(true);
    const missing = backupStep.configSchema.safeParse({ name: '', format: 'xml' });
    expect(missing.error?.issues.map((issue) => issue.path.join('.')).sort()).toEqual(['data', 'format', 'name']);
  });
});

describe('verifySnapshots', () => {
  it('marks intact snapshots ok, and a flipped byte corrupt with one alert to the owners', async () => {
    await test.db.deleteFrom('backup_snapshots').execute();
    const intact = await insertSnapshot(test.db, owner.workspaceId, workflowId, '2026-11-01T00:00:00Z');
    const damaged = await insertSnapshot(test.db, owner.workspaceId, workflowId, '2026-11-02T00:00:00Z');
    await flipFirstByte(damaged);
    const now = new Date('2026-11-23T02:30:00Z');

    expect(await verifySnapshots(test.db, { now })).toEqual({ checked: 2, ok: 1, corrupt: [damaged] });
    expect(await snapshotRow(intact)).toMatchObject({ verify_status: 'ok', verified_at: now });
    expect(await snapshotRow(damaged)).toMatchObject({ verify_status: 'corrupt', verified_at: now });

    const errors = await test.db
      .selectFrom('telemetry_logs')
      .select(['name', 'workspace_id', 'meta'])
      .where('level', '=', 'error')
      .execute();
    expect(errors).toEqual([
      expect.objectContaining({
        name: 'backup.snapshot_corrupt',
        workspace_id: owner.workspaceId,
        meta: expect.objectContaining({ snapshot_id: damaged, via: 'verify' }),
      }),
    ]);
    const emails = await test.db
      .selectFrom('email_outbox')
      .select(['to_address', 'subject', 'kind'])
      .where('kind', '=', 'backup_corrupt')
      .execute();
    expect(emails).toEqual([
      {
        to_address: owner.email,
        subject: 'Backup failed verification: orders 2026-11-02T00:00:00Z',
        kind: 'backup_corrupt',
      },
    ]);
    expect(emails.map((email) => email.to_address)).not.toContain(member.email);

    // A second pass re-checks both but does not alert again for the same corruption.
    expect(await verifySnapshots(test.db, { now: new Date('2026-11-24T02:30:00Z') })).toEqual({
      checked: 2,
      ok: 1,
      corrupt: [damaged],
    });
    expect(
      await test.db.selectFrom('email_outbox').select('id').where('kind', '=', 'backup_corrupt').execute(),
    ).toHaveLength(1);
  });

  it('checks the least recently verified snapshots first', async () => {
    await test.db.deleteFrom('backup_snapshots').execute();
    const older = await insertSnapshot(test.db, owner.workspaceId, workflowId, '2026-10-01T00:00:00Z');
    const newer = await insertSnapshot(test.db, owner.workspaceId, workflowId, '2026-10-02T00:00:00Z');
    await test.db
      .updateTable('backup_snapshots')
      .set({ verify_status: 'ok', verified_at: new Date('2026-11-20T00:00:00Z') })
      .where('id', '=', older)
      .execute();
    await verifySnapshots(test.db, { now: new Date('2026-11-23T00:00:00Z'), batchSize: 1 });
    expect((await snapshotRow(newer)).verified_at).toEqual(new Date('2026-11-23T00:00:00Z'));
    expect((await snapshotRow(older)).verified_at).toEqual(new Date('2026-11-20T00:00:00Z'));
    await verifySnapshots(test.db, { now: new Date('2026-11-24T00:00:00Z'), batchSize: 1 });
    expect((await snapshotRow(older)).verified_at).toEqual(new Date('2026-11-24T00:00:00Z'));
  });
});
