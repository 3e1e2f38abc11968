import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  assertWorkspaceActive,
  getMembershipScope,
  listUserWorkspaces,
  resolveScope,
} from '@/lib/workspaces/list-workspaces';
import { createTestDb, type TestDb } from '../helpers/test-db';
import { createUser, createWorkspace } from './fixtures';

let test: TestDb;
beforeAll(async () => {
  test = await createTestDb();
});
afterAll(() => test.close());

describe('listing a user’s workspaces', () => {
  it('lists the user’s workspaces by name with their role and status, and nobody else’s', async () => {
    const user = await createUser(test.db);
    const other = await createUser(test.db);
    const zeta = await createWorkspace(test.db, 'Zeta', [[user.id, 'member']]);
    const alpha = await createWorkspace(test.db, 'Alpha', [[user.id, 'owner']], 'suspended');
    await createWorkspace(test.db, 'Beta', [[other.id, 'owner']]);
    expect(await listUserWorkspaces(test.db, user.id)).toEqual([
      { id: alpha, name: 'Alpha', role: 'owner', status: 'suspended' },
      { id: zeta, name: 'Zeta', role: 'member', status: 'active' },
    ]);
  });
});

describe('resolving the scope of a signed-in user', () => {
  it('uses the preferred workspace when the user is a member of it', async () => {
    const user = await createUser(test.db);
    await createWorkspace(test.db, 'A first', [[user.id, 'owner']]);
    const preferred = await createWorkspace(test.db, 'B second', [[user.id, 'member']]);
    expect(await resolveScope(test.db, user.id, preferred)).toEqual({
      workspaceId: preferred,
      userId: user.id,
      role: 'member',
      via: 'session',
      scopes: ['read', 'write'],
    });
  });

  it('ignores a preferred workspace the user does not belong to', async () => {
    const user = await createUser(test.db);
    const stranger = await createUser(test.db);
    const own = await createWorkspace(test.db, 'Own', [[user.id, 'admin']]);
    const foreign = await createWorkspace(test.db, 'Foreign', [[stranger.id, 'owner']]);
    for (const preferred of [foreign, null, undefined, 'garbage']) {
      expect(await resolveScope(test.db, user.id, preferred)).toEqual({
        workspaceId: own,
        userId: user.id,
        role: 'admin',
        via: 'session',
        scopes: ['read', 'write', 'admin'],
      });
    }
  });

  it('skips soft-deleted and purged workspaces, and prefers an active one to a suspended one', async () => {
    const user = await createUser(test.db);
    const deleted = await createWorkspace(test.db, 'A deleted', [[user.id, 'owner']], 'soft_deleted');
    await createWorkspace(test.db, 'B purged', [[user.id, 'owner']], 'purged');
    await createWorkspace(test.db, 'C suspended', [[user.id, 'owner']], 'suspended');
    const active = await createWorkspace(test.db, 'D active', [[user.id, 'owner']]);
    expect((await resolveScope(test.db, user.id, deleted)).workspaceId).toBe(active);
  });

  it('answers not found when the user has no usable workspace', async () => {
    const user = await createUser(test.db);
    await createWorkspace(test.db, 'Deleted', [[user.id, 'owner']], 'soft_deleted');
    await expect(resolveScope(test.db, user.id)).rejects.toMatchObject({ code: 'not_found' });
  });

  it('gives an owner a scope in their soft-deleted workspace so they can restore it', async () => {
    const user = await createUser(test.db);
    const deleted = await createWorkspace(test.db, 'Deleted', [[user.id, 'owner']], 'soft_deleted');
    expect(await getMembershipScope(test.db, user.id, deleted)).toMatchObject({ workspaceId: deleted, role: 'owner' });
    expect(await getMembershipScope(test.db, (await createUser(test.db)).id, deleted)).toBeNull();
  });
});

describe('checking a workspace is active', () => {
  it('passes an active workspace', async () => {
    await expect(assertWorkspaceActive(test.db, await createWorkspace(test.db, 'Fine', []))).resolves.toBeUndefined();
  });

  it('forbids a suspended workspace', async () => {
    const id = await createWorkspace(test.db, 'Suspended', [], 'suspended');
    await expect(assertWorkspaceActive(test.db, id)).rejects.toMatchObject({
      code: 'forbidden',
      message: 'This workspace is suspended',
    });
  });

  it('answers not found for soft-deleted, purged and unknown workspaces', async () => {
    for (const id of [
      await createWorkspace(test.db, 'Deleted', [], 'soft_deleted'),
      await createWorkspace(test.db, 'Purged', [], 'purged'),
      '00000000-0000-4000-8000-000000000000',
      'nope',
    ]) {
      await expect(assertWorkspaceActive(test.db, id)).rejects.toMatchObject({ code: 'not_found' });
    }
  });
});
