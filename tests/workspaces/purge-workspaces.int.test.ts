import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { changeWorkspaceStatus } from '@/lib/workspaces/change-workspace-status';
import { listUserWorkspaces } from '@/lib/workspaces/list-workspaces';
import { purgeExpiredWorkspaces } from '@/lib/workspaces/purge-workspaces';
import { createTestDb, type TestDb } from '../helpers/test-db';
import { auditActions, createUser, createWorkspace, daysAfter } from './fixtures';

let test: TestDb;
beforeAll(async () => {
  test = await createTestDb();
});
afterAll(() => test.close());

const system = { userId: null, label: 'system' };
const now = new Date('2026-06-01T00:00:00Z');
let keyCounter = 0;

async function workspaceWithData(name: string) {
  const user = await createUser(test.db);
  const id = await createWorkspace(test.db, name, [[user.id, 'owner']]);
  await test.db
    .insertInto('api_keys')
    .values({
      workspace_id: id,
      created_by: user.id,
      name: 'ci',
      prefix: 'lvq_live',
      last4: 'abcd',
      key_hash: `hash-${++keyCounter}`,
      scopes: ['read'],
    })
    .execute();
  await test.db
    .insertInto('invitations')
    .values({
      workspace_id: id,
      email: `invitee${keyCounter}@example.com`,
      role: 'member',
      token_hash: `token-${keyCounter}`,
      expires_at: daysAfter(now, 7),
    })
    .execute();
  return { id, user };
}

async function countRows(table: 'memberships' | 'invitations' | 'api_keys', workspaceId: string): Promise<number> {
  const rows = await test.db.selectFrom(table).select('workspace_id').where('workspace_id', '=', workspaceId).execute();
  return rows.length;
}

describe('purging expired workspaces', () => {
  it('refuses to purge a workspace before its grace period ends', async () => {
    const { id } = await workspaceWithData('Recently deleted');
    await changeWorkspaceStatus(test.db, system, id, 'delete', daysAfter(now, -10));
    await expect(changeWorkspaceStatus(test.db, system, id, 'purge', now)).rejects.toMatchObject({ code: 'conflict' });
    expect(await purgeExpiredWorkspaces(test.db, now)).not.toContain(id);
    expect(await countRows('memberships', id)).toBe(1);
  });

  it('purges after the grace period: members, invitations and API keys go, the tombstone stays', async () => {
    const expired = await workspaceWithData('Long gone');
    const recent = await workspaceWithData('Deleted last week');
    const active = await workspaceWithData('Still active');
    await changeWorkspaceStatus(test.db, system, expired.id, 'delete', daysAfter(now, -31));
    await changeWorkspaceStatus(test.db, system, recent.id, 'delete', daysAfter(now, -7));

    expect(await purgeExpiredWorkspaces(test.db, now)).toEqual([expired.id]);

    const tombstone = await test.db
      .selectFrom('workspaces')
      .select(['name', 'status', 'purge_after'])
      .where('id', '=', expired.id)
      .executeTakeFirstOrThrow();
    expect(tombstone).toEqual({ name: 'Long gone', status: 'purged', purge_after: null });
    for (const table of ['memberships', 'invitations', 'api_keys'] as const) {
      expect(await countRows(table, expired.id)).toBe(0);
      expect(await countRows(table, recent.id)).toBe(1);
      expect(await countRows(table, active.id)).toBe(1);
    }
    expect(await auditActions(test.db, expired.id)).toEqual(['workspace.soft_deleted', 'workspace.purged']);
    expect(await listUserWorkspaces(test.db, expired.user.id)).toEqual([]);
    expect(await purgeExpiredWorkspaces(test.db, now)).toEqual([]);
  });
});
