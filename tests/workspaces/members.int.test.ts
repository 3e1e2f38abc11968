import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { changeMemberRole } from '@/lib/workspaces/change-member-role';
import { listMembers } from '@/lib/workspaces/list-members';
import { removeMember } from '@/lib/workspaces/remove-member';
import { createTestDb, type TestDb } from '../helpers/test-db';
import { auditActions, createUser, createWorkspace, roleOf, sessionScope } from './fixtures';

let test: TestDb;
beforeAll(async () => {
  test = await createTestDb();
});
afterAll(() => test.close());

async function team() {
  const owner = await createUser(test.db, 'Owner');
  const admin = await createUser(test.db, 'Admin');
  const member = await createUser(test.db, 'Member');
  const id = await createWorkspace(test.db, 'Team', [
    [owner.id, 'owner'],
    [admin.id, 'admin'],
    [member.id, 'member'],
  ]);
  return {
    id,
    owner,
    admin,
    member,
    asOwner: sessionScope(id, owner.id, 'owner'),
    asAdmin: sessionScope(id, admin.id, 'admin'),
    asMember: sessionScope(id, member.id, 'member'),
  };
}

describe('listing members', () => {
  it('shows every member of the workspace with their email, and no one from elsewhere', async () => {
    const t = await team();
    await team();
    const members = await listMembers(test.db, t.asMember);
    expect(members.map((m) => [m.email, m.role]).sort()).toEqual(
      [
        [t.admin.email, 'admin'],
        [t.member.email, 'member'],
        [t.owner.email, 'owner'],
      ].sort(),
    );
  });
});

describe('changing a member’s role', () => {
  it('lets an owner promote a member, audited', async () => {
    const t = await team();
    expect(await changeMemberRole(test.db, t.asOwner, t.member.id, 'admin')).toMatchObject({
      userId: t.member.id,
      role: 'admin',
    });
    expect(await roleOf(test.db, t.id, t.member.id)).toBe('admin');
    expect(await auditActions(test.db, t.id)).toEqual(['member.role_changed']);
  });

  it('is for owners only', async () => {
    const t = await team();
    await expect(changeMemberRole(test.db, t.asAdmin, t.member.id, 'admin')).rejects.toMatchObject({
      code: 'forbidden',
    });
    await expect(changeMemberRole(test.db, t.asAdmin, t.admin.id, 'owner')).rejects.toMatchObject({
      code: 'forbidden',
    });
    expect(await roleOf(test.db, t.id, t.admin.id)).toBe('admin');
  });

  it('refuses to demote the last owner', async () => {
    const t = await team();
    await expect(changeMemberRole(test.db, t.asOwner, t.owner.id, 'admin')).rejects.toMatchObject({ code: 'conflict' });
    expect(await roleOf(test.db, t.id, t.owner.id)).toBe('owner');
  });

  it('lets an owner step down once there is another owner', async () => {
    const t = await team();
    await changeMemberRole(test.db, t.asOwner, t.admin.id, 'owner');
    await changeMemberRole(test.db, t.asOwner, t.owner.id, 'member');
    expect(await roleOf(test.db, t.id, t.owner.id)).toBe('member');
  });

  it('leaves one owner when two owners demote each other at the same time', async () => {
    await Promise.all(Array.from({ length: 4 }, () => sql`select pg_sleep(0.01)`.execute(test.db)));
    for (let round = 0; round < 5; round++) {
      const t = await team();
      await changeMemberRole(test.db, t.asOwner, t.admin.id, 'owner');
      const results = await Promise.allSettled([
        changeMemberRole(test.db, t.asOwner, t.admin.id, 'member'),
        changeMemberRole(test.db, sessionScope(t.id, t.admin.id, 'owner'), t.owner.id, 'member'),
      ]);
      expect(results.map((result) => result.status).sort()).toEqual(['fulfilled', 'rejected']);
      const owners = await test.db
        .selectFrom('memberships')
        .select('user_id')
        .where('workspace_id', '=', t.id)
        .where('role', '=', 'owner')
        .execute();
      expect(owners).toHaveLength(1);
    }
  });
});

describe('removing a member', () => {
  it('lets an admin remove a member, revoking the API keys they made here', async () => {
    const t = await team();
    await test.db
      .insertInto('api_keys')
      .values({
        workspace_id: t.id,
        created_by: t.member.id,
        name: 'ci',
        prefix: 'lvq_live',
        last4: 'wxyz',
        key_hash: `hash-${t.id}`,
        scopes: ['read'],
      })
      .execute();
    expect(await removeMember(test.db, t.asAdmin, t.member.id)).toEqual({ userId: t.member.id });
    expect(await roleOf(test.db, t.id, t.member.id)).toBeUndefined();
    const key = await test.db
      .selectFrom('api_keys')
      .select('revoked_at')
      .where('workspace_id', '=', t.id)
      .executeTakeFirstOrThrow();
    expect(key.revoked_at).toBeInstanceOf(Date);
    expect(await auditActions(test.db, t.id)).toEqual(['member.removed']);
  });

  it('does not let a member remove anyone', async () => {
    const t = await team();
    await expect(removeMember(test.db, t.asMember, t.admin.id)).rejects.toMatchObject({ code: 'forbidden' });
    expect(await roleOf(test.db, t.id, t.admin.id)).toBe('admin');
  });

  it('does not let an admin remove an owner', async () => {
    const t = await team();
    await expect(removeMember(test.db, t.asAdmin, t.owner.id)).rejects.toMatchObject({ code: 'forbidden' });
    expect(await roleOf(test.db, t.id, t.owner.id)).toBe('owner');
  });

  it('refuses to remove the last owner', async () => {
    const t = await team();
    await expect(removeMember(test.db, t.asOwner, t.owner.id)).rejects.toMatchObject({ code: 'conflict' });
    expect(await roleOf(test.db, t.id, t.owner.id)).toBe('owner');
  });
});

describe('isolation between workspaces', () => {
  it('answers not found for a member of another workspace and changes nothing there', async () => {
    const a = await team();
    const b = await team();
    await expect(changeMemberRole(test.db, a.asOwner, b.member.id, 'owner')).rejects.toMatchObject({
      code: 'not_found',
    });
    await expect(changeMemberRole(test.db, a.asOwner, b.owner.id, 'member')).rejects.toMatchObject({
      code: 'not_found',
    });
    await expect(removeMember(test.db, a.asOwner, b.member.id)).rejects.toMatchObject({ code: 'not_found' });
    await expect(removeMember(test.db, a.asOwner, 'not-a-uuid')).rejects.toMatchObject({ code: 'not_found' });
    expect(await roleOf(test.db, b.id, b.member.id)).toBe('member');
    expect(await roleOf(test.db, b.id, b.owner.id)).toBe('owner');
    expect(await auditActions(test.db, a.id)).toEqual([]);
    expect(await auditActions(test.db, b.id)).toEqual([]);
  });
});
