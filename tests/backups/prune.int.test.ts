import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { planPrune, pruneSnapshots } from '@/lib/backups/prune-snapshots';
import { updateRetention } from '@/lib/backups/update-retention';
import { seedMember, type Seeded } from '../accounts/seed';
import { createTestDb, type TestDb } from '../helpers/test-db';
import { insertSnapshot, insertWorkflow } from './fixtures';

let test: TestDb;
let ownerA: Seeded;
let ownerB: Seeded;

beforeAll(async () => {
  test = await createTestDb();
  ownerA = await seedMember(test.db, 'owner');
  ownerB = await seedMember(test.db, 'owner');
});
afterAll(() => test.close());

const remaining = async (workflowId: string) =>
  (await test.db.selectFrom('backup_snapshots').select('id').where('workflow_id', '=', workflowId).execute())
    .map((row) => row.id)
    .sort();

/** Two snapshots a day (06:00 and 18:00 UTC) for `days` days up to 22 November 2026. */
async function twiceDaily(workspaceId: string, workflowId: string, days: number): Promise<string[]> {
  const ids: string[] = [];
  for (let day = 0; day < days; day++) {
    for (const hour of [6, 18])
      ids.push(
        await insertSnapshot(
          test.db,
          workspaceId,
          workflowId,
          new Date(Date.UTC(2026, 10, 22 - day, hour)).toISOString(),
        ),
      );
  }
  return ids;
}

describe('pruning by retention policy', () => {
  it('deletes exactly what the dry run listed, and leaves other workflows and workspaces alone', async () => {
    const pruned = await insertWorkflow(test.db, ownerA.workspaceId, { retention: { keepLast: 3, keepDaily: 5 } });
    const noPolicy = await insertWorkflow(test.db, ownerA.workspaceId);
    const otherTenant = await insertWorkflow(test.db, ownerB.workspaceId, { retention: { keepLast: 100 } });
    const snapshots = await twiceDaily(ownerA.workspaceId, pruned, 10);
    const untouched = await twiceDaily(ownerA.workspaceId, noPolicy, 3);
    const tenantB = await twiceDaily(ownerB.workspaceId, otherTenant, 2);

    const plan = await planPrune(test.db, ownerA.scope, pruned);
    // Newest first: 22 Nov 18:00 and 06:00 (last), then the 18:00 of 21, 20, 19 and 18 Nov (daily; 21 Nov 18:00 is also "last").
    expect(plan.keep.map((entry) => [entry.createdAt.toISOString().slice(5, 13), entry.reasons])).toEqual([
      ['11-22T18', ['last', 'daily']],
      ['11-22T06', ['last']],
      ['11-21T18', ['last', 'daily']],
      ['11-20T18', ['daily']],
      ['11-19T18', ['daily']],
      ['11-18T18', ['daily']],
    ]);
    expect(plan.totals).toEqual({
      snapshots: 20,
      keep: 6,
      remove: 14,
      removeBytes: plan.remove.reduce((sum, entry) => sum + entry.sizeBytes, 0),
    });
    expect(plan.remove[0]).toMatchObject({ name: 'orders 2026-11-21T06:00:00.000Z', verifyStatus: 'unverified' });
    expect(await remaining(pruned)).toHaveLength(20);

    const result = await pruneSnapshots(test.db, new Date('2026-11-23T05:00:00Z'));
    expect(result).toEqual({ workflows: 2, deleted: 14, freedBytes: plan.totals.removeBytes });
    expect(await remaining(pruned)).toEqual(plan.keep.map((entry) => entry.id).sort());
    expect(snapshots.filter((id) => !plan.keep.some((entry) => entry.id === id)).sort()).toEqual(
      plan.remove.map((entry) => entry.id).sort(),
    );
    expect(await remaining(noPolicy)).toEqual([...untouched].sort());
    expect(await remaining(otherTenant)).toEqual([...tenantB].sort());
  });

  it('leaves snapshots made after the prune started out of the plan', async () => {
    const workflowId = await insertWorkflow(test.db, ownerA.workspaceId, { retention: { keepLast: 1 } });
    const old = await insertSnapshot(test.db, ownerA.workspaceId, workflowId, '2026-11-20T00:00:00Z');
    const future = await insertSnapshot(test.db, ownerA.workspaceId, workflowId, '2026-11-24T00:00:00Z');
    await pruneSnapshots(test.db, new Date('2026-11-23T05:00:00Z'));
    expect(await remaining(workflowId)).toEqual([old, future].sort());
  });

  it('counts days in the policy’s time zone, else the workflow’s', async () => {
    const workflowId = await insertWorkflow(test.db, ownerA.workspaceId, { timezone: 'Asia/Tokyo' });
    // 14:30 and 15:30 UTC on 21 November: one UTC day, but 23:30 on the 21st and 00:30 on the 22nd in Tokyo.
    await insertSnapshot(test.db, ownerA.workspaceId, workflowId, '2026-11-21T14:30:00Z');
    await insertSnapshot(test.db, ownerA.workspaceId, workflowId, '2026-11-21T15:30:00Z');
    const inTokyo = await planPrune(test.db, ownerA.scope, workflowId, { keepDaily: 7 });
    expect([inTokyo.timeZone, inTokyo.totals.keep]).toEqual(['Asia/Tokyo', 2]);
    const inUtc = await planPrune(test.db, ownerA.scope, workflowId, { keepDaily: 7, timezone: 'UTC' });
    expect([inUtc.timeZone, inUtc.totals.keep]).toEqual(['UTC', 1]);
  });
});

describe('updateRetention', () => {
  it('returns the plan without saving on a dry run, then saves and audits', async () => {
    const workflowId = await insertWorkflow(test.db, ownerA.workspaceId);
    await twiceDaily(ownerA.workspaceId, workflowId, 2);
    const dry = await updateRetention(test.db, ownerA.scope, workflowId, { policy: { keepLast: 1 }, dryRun: true });
    expect(dry).toMatchObject({ saved: false, policy: { keepLast: 1 }, plan: { totals: { keep: 1, remove: 3 } } });
    expect((await planPrune(test.db, ownerA.scope, workflowId)).policy).toEqual({});

    const saved = await updateRetention(test.db, ownerA.scope, workflowId, { policy: { keepLast: 1 } });
    expect(saved.saved).toBe(true);
    expect(saved.plan.remove.map((entry) => entry.id)).toEqual(dry.plan.remove.map((entry) => entry.id));
    expect((await planPrune(test.db, ownerA.scope, workflowId)).policy).toEqual({ keepLast: 1 });
    const audit = await test.db
      .selectFrom('audit_logs')
      .select(['action', 'target_id', 'meta'])
      .where('workspace_id', '=', ownerA.workspaceId)
      .execute();
    expect(audit).toEqual([
      { action: 'backup.retention_changed', target_id: workflowId, meta: { before: {}, after: { keepLast: 1 } } },
    ]);
  });

  it('refuses another workspace’s workflow (404), a read-only API key (403) and a bad policy (422)', async () => {
    const workflowId = await insertWorkflow(test.db, ownerA.workspaceId);
    await expect(updateRetention(test.db, ownerB.scope, workflowId, { policy: { keepLast: 1 } })).rejects.toMatchObject(
      { code: 'not_found' },
    );
    await expect(planPrune(test.db, ownerB.scope, workflowId)).rejects.toMatchObject({ code: 'not_found' });
    const readOnly = { ...ownerA.scope, via: 'apiKey' as const, scopes: ['read' as const] };
    await expect(updateRetention(test.db, readOnly, workflowId, { policy: { keepLast: 1 } })).rejects.toMatchObject({
      code: 'forbidden',
    });
    await expect(
      updateRetention(test.db, ownerA.scope, workflowId, { policy: { keepLast: -2 } }),
    ).rejects.toMatchObject({ name: 'ZodError' });
    expect((await planPrune(test.db, ownerA.scope, workflowId)).policy).toEqual({});
  });
});
