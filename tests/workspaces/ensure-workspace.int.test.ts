import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensurePersonalWorkspace } from '@/lib/workspaces/ensure-workspace';
import { createTestDb, type TestDb } from '../helpers/test-db';
import { auditActions, createUser, createWorkspace, roleOf } from './fixtures';

let test: TestDb;
beforeAll(async () => {
  test = await createTestDb();
});
afterAll(() => test.close());

async function workspaceCount(userId: string): Promise<number> {
  const rows = await test.db.selectFrom('memberships').select('workspace_id').where('user_id', '=', userId).execute();
  return rows.length;
}

describe('personal workspace on first sign-in', () => {
  it('creates a workspace named after the user, owned by them and audited', async () => {
    const user = await createUser(test.db, 'Ada Lovelace');
    const workspaces = await ensurePersonalWorkspace(test.db, user);
    expect(workspaces).toEqual([
      { id: expect.any(String), name: "Ada Lovelace's workspace", role: 'owner', status: 'active' },
    ]);
    const id = workspaces[0]!.id;
    expect(await roleOf(test.db, id, user.id)).toBe('owner');
    expect(await auditActions(test.db, id)).toEqual(['workspace.created']);
  });

  it('falls back to the local part of the email when the user has no name', async () => {
    const user = await createUser(test.db, null, 'grace.hopper@example.com');
    const [workspace] = await ensurePersonalWorkspace(test.db, user);
    expect(workspace?.name).toBe("grace.hopper's workspace");
  });

  it('creates exactly one workspace when called twice', async () => {
    const user = await createUser(test.db, 'Twice');
    const first = await ensurePersonalWorkspace(test.db, user);
    const second = await ensurePersonalWorkspace(test.db, user);
    expect(second).toEqual(first);
    expect(await workspaceCount(user.id)).toBe(1);
  });

  it('creates exactly one workspace when called concurrently', async () => {
    const user = await createUser(test.db, 'Racer');
    const results = await Promise.all(Array.from({ length: 5 }, () => ensurePersonalWorkspace(test.db, user)));
    expect(await workspaceCount(user.id)).toBe(1);
    for (const result of results) expect(result).toEqual(results[0]);
  });

  it('leaves a user who already belongs to a workspace as they are', async () => {
    const user = await createUser(test.db, 'Invited');
    const id = await createWorkspace(test.db, 'Team', [[user.id, 'member']]);
    expect(await ensurePersonalWorkspace(test.db, user)).toEqual([
      { id, name: 'Team', role: 'member', status: 'active' },
    ]);
  });

  it('refuses an unknown user', async () => {
    await expect(
      ensurePersonalWorkspace(test.db, { id: '00000000-0000-4000-8000-000000000000', email: 'ghost@example.com' }),
    ).rejects.toMatchObject({ code: 'not_found' });
  });
});
