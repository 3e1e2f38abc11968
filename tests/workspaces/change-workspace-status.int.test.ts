import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WorkspaceStatus } from '@/db/types';
import {
  changeWorkspaceStatus,
  deleteOwnWorkspace,
  restoreOwnWorkspace,
} from '@/lib/workspaces/change-workspace-status';
import type { LifecycleEvent } from '@/lib/workspaces/lifecycle';
import { createTestDb, type TestDb } from '../helpers/test-db';
import { auditActions, createUser, createWorkspace, daysAfter, sessionScope } from './fixtures';

let test: TestDb;
beforeAll(async () => {
  test = await createTestDb();
});
afterAll(() => test.close());

const platformAdmin = { userId: null, label: 'admin@levqor.test' };

async function workspaceRow(id: string) {
  return test.db
    .selectFrom('workspaces')
    .select(['status', 'status_changed_at', 'purge_after'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
}

describe('changing a workspace status', () => {
  it('suspends and resumes, recording each change in the audit log', async () => {
    const id = await createWorkspace(test.db, 'Acme', []);
    const at = new Date('2026-03-01T12:00:00Z');
    expect(await changeWorkspaceStatus(test.db, platformAdmin, id, 'suspend', at)).toMatchObject({
      id,
      name: 'Acme',
      status: 'suspended',
      statusChangedAt: at,
      purgeAfter: null,
    });
    expect((await changeWorkspaceStatus(test.db, platformAdmin, id, 'resume')).status).toBe('active');
    expect(await auditActions(test.db, id)).toEqual(['workspace.suspended', 'workspace.resumed']);
    const entry = await test.db
      .selectFrom('audit_logs')
      .select(['actor_label', 'meta'])
      .where('workspace_id', '=', id)
      .orderBy('id')
      .executeTakeFirstOrThrow();
    expect(entry.meta).toEqual({ from: 'active', to: 'suspended' });
    expect(entry.actor_label).not.toBeNull();
  });

  it('deletes with a purge date 30 days out, and restores within those 30 days', async () => {
    const id = await createWorkspace(test.db, 'Deleted soon', []);
    const deletedAt = new Date('2026-03-01T00:00:00Z');
    const deleted = await changeWorkspaceStatus(test.db, platformAdmin, id, 'delete', deletedAt);
    expect(deleted).toMatchObject({ status: 'soft_deleted', purgeAfter: daysAfter(deletedAt, 30) });
    const restored = await changeWorkspaceStatus(test.db, platformAdmin, id, 'restore', daysAfter(deletedAt, 29));
    expect(restored).toMatchObject({ status: 'active', purgeAfter: null });
    expect(await auditActions(test.db, id)).toEqual(['workspace.soft_deleted', 'workspace.restored']);
  });

  it('refuses to restore 31 days after the deletion and changes nothing', async () => {
    const id = await createWorkspace(test.db, 'Too late', []);
    const deletedAt = new Date('2026-03-01T00:00:00Z');
    await changeWorkspaceStatus(test.db, platformAdmin, id, 'delete', deletedAt);
    await expect(
      changeWorkspaceStatus(test.db, platformAdmin, id, 'restore', daysAfter(deletedAt, 31)),
    ).rejects.toMatchObject({ code: 'conflict' });
    expect(await workspaceRow(id)).toEqual({
      status: 'soft_deleted',
      status_changed_at: deletedAt,
      purge_after: daysAfter(deletedAt, 30),
    });
    expect(await auditActions(test.db, id)).toEqual(['workspace.soft_deleted']);
  });

  const illegal: [WorkspaceStatus, LifecycleEvent][] = [
    ['active', 'resume'],
    ['active', 'restore'],
    ['active', 'purge'],
    ['suspended', 'suspend'],
    ['suspended', 'restore'],
    ['soft_deleted', 'suspend'],
    ['soft_deleted', 'delete'],
    ['purged', 'restore'],
    ['purged', 'delete'],
  ];
  it.each(illegal)('refuses to change a %s workspace with %s, leaving it as it was', async (status, event) => {
    const id = await createWorkspace(test.db, `Illegal ${status} ${event}`, [], status);
    await expect(changeWorkspaceStatus(test.db, platformAdmin, id, event)).rejects.toMatchObject({
      code: 'conflict',
      message: `Cannot ${event} a workspace that is ${status}`,
    });
    expect((await workspaceRow(id)).status).toBe(status);
    expect(await auditActions(test.db, id)).toEqual([]);
  });

  it('answers not found for an unknown workspace', async () => {
    await expect(
      changeWorkspaceStatus(test.db, platformAdmin, '00000000-0000-4000-8000-000000000000', 'suspend'),
    ).rejects.toMatchObject({ code: 'not_found' });
    await expect(changeWorkspaceStatus(test.db, platformAdmin, 'not-a-uuid', 'suspend')).rejects.toMatchObject({
      code: 'not_found',
    });
  });
});

describe('owners deleting and restoring their own workspace', () => {
  it('lets the owner delete and restore, but not an admin', async () => {
    const owner = await createUser(test.db);
    const admin = await createUser(test.db);
    const id = await createWorkspace(test.db, 'Mine', [
      [owner.id, 'owner'],
      [admin.id, 'admin'],
    ]);
    await expect(deleteOwnWorkspace(test.db, sessionScope(id, admin.id, 'admin'))).rejects.toMatchObject({
      code: 'forbidden',
    });
    expect((await workspaceRow(id)).status).toBe('active');

    expect((await deleteOwnWorkspace(test.db, sessionScope(id, owner.id, 'owner'))).status).toBe('soft_deleted');
    await expect(restoreOwnWorkspace(test.db, sessionScope(id, admin.id, 'admin'))).rejects.toMatchObject({
      code: 'forbidden',
    });
    expect((await restoreOwnWorkspace(test.db, sessionScope(id, owner.id, 'owner'))).status).toBe('active');
    const actors = await test.db
      .selectFrom('audit_logs')
      .select('actor_user_id')
      .where('workspace_id', '=', id)
      .execute();
    expect(actors.map((row) => row.actor_user_id)).toEqual([owner.id, owner.id]);
  });

  it('does not let an owner lift a suspension by deleting and restoring', async () => {
    const owner = await createUser(test.db);
    const id = await createWorkspace(test.db, 'Suspended', [[owner.id, 'owner']]);
    const scope = sessionScope(id, owner.id, 'owner');
    await changeWorkspaceStatus(test.db, platformAdmin, id, 'suspend');
    await deleteOwnWorkspace(test.db, scope);
    await expect(restoreOwnWorkspace(test.db, scope)).rejects.toMatchObject({ code: 'forbidden' });
    expect((await workspaceRow(id)).status).toBe('soft_deleted');
    expect((await changeWorkspaceStatus(test.db, platformAdmin, id, 'restore')).status).toBe('active');
  });
});
