import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { acceptInvitation } from '@/lib/workspaces/accept-invitation';
import { inviteMember } from '@/lib/workspaces/invite-member';
import { listInvitations } from '@/lib/workspaces/list-invitations';
import { revokeInvitation } from '@/lib/workspaces/revoke-invitation';
import { createTestDb, type TestDb } from '../helpers/test-db';
import { auditActions, createUser, createWorkspace, daysAfter, roleOf, sessionScope } from './fixtures';

let test: TestDb;
beforeAll(async () => {
  test = await createTestDb();
});
afterAll(() => test.close());

const appUrl = 'https://app.levqor.test/';
let inviteeCounter = 0;

async function setup() {
  const admin = await createUser(test.db, 'Ada Admin');
  const id = await createWorkspace(test.db, 'Acme', [[admin.id, 'admin']]);
  const email = `invitee${++inviteeCounter}-${Date.now()}@example.com`;
  const invitee = await createUser(test.db, 'Invitee', email);
  return { id, admin, invitee, asAdmin: sessionScope(id, admin.id, 'admin') };
}

const tokenOf = (acceptUrl: string) => acceptUrl.split('/invite/')[1]!;

describe('inviting a member', () => {
  it('stores only a hash of the token, emails the link and audits the invitation', async () => {
    const { id, invitee, asAdmin } = await setup();
    const invitation = await inviteMember(
      test.db,
      asAdmin,
      { email: `  ${invitee.email.toUpperCase()} `, role: 'member' },
      { appUrl },
    );
    expect(invitation).toMatchObject({ email: invitee.email, role: 'member', invitedBy: asAdmin.userId });
    expect(invitation).not.toHaveProperty('token_hash');
    expect(invitation.acceptUrl).toMatch(/^https:\/\/app\.levqor\.test\/invite\/[\w-]{40,}$/);
    expect(invitation.expiresAt.getTime() - invitation.createdAt.getTime()).toBeGreaterThan(6.9 * 24 * 3_600_000);

    const row = await test.db
      .selectFrom('invitations')
      .select('token_hash')
      .where('id', '=', invitation.id)
      .executeTakeFirstOrThrow();
    expect(row.token_hash).toBe(createHash('sha256').update(tokenOf(invitation.acceptUrl)).digest('hex'));
    const email = await test.db
      .selectFrom('email_outbox')
      .select(['subject', 'text', 'kind'])
      .where('to_address', '=', invitee.email)
      .executeTakeFirstOrThrow();
    expect(email.kind).toBe('invitation');
    expect(email.subject).toContain('Acme');
    expect(email.text).toContain(invitation.acceptUrl);
    expect(await auditActions(test.db, id)).toEqual(['member.invited']);
    expect(await listInvitations(test.db, asAdmin)).toEqual([expect.objectContaining({ id: invitation.id })]);
  });

  it('is for admins and owners only', async () => {
    const { id, invitee } = await setup();
    const member = await createUser(test.db);
    await expect(
      inviteMember(
        test.db,
        sessionScope(id, member.id, 'member'),
        { email: invitee.email, role: 'member' },
        { appUrl },
      ),
    ).rejects.toMatchObject({ code: 'forbidden' });
    await expect(listInvitations(test.db, sessionScope(id, member.id, 'member'))).rejects.toMatchObject({
      code: 'forbidden',
    });
  });

  it('rejects an invalid address and an existing member', async () => {
    const { admin, asAdmin } = await setup();
    await expect(
      inviteMember(test.db, asAdmin, { email: 'not an email', role: 'member' }, { appUrl }),
    ).rejects.toThrow();
    await expect(
      inviteMember(test.db, asAdmin, { email: admin.email, role: 'member' }, { appUrl }),
    ).rejects.toMatchObject({ code: 'conflict' });
  });
});

describe('accepting an invitation', () => {
  it('adds the signed-in invitee to the workspace once', async () => {
    const { id, invitee, asAdmin } = await setup();
    const { acceptUrl } = await inviteMember(test.db, asAdmin, { email: invitee.email, role: 'admin' }, { appUrl });
    expect(
      await acceptInvitation(test.db, { id: invitee.id, email: invitee.email.toUpperCase() }, tokenOf(acceptUrl)),
    ).toBe(id);
    expect(await roleOf(test.db, id, invitee.id)).toBe('admin');
    expect(await auditActions(test.db, id)).toEqual(['member.invited', 'member.joined']);
    expect(await listInvitations(test.db, asAdmin)).toEqual([]);
  });

  it('refuses a link used twice', async () => {
    const { invitee, asAdmin } = await setup();
    const { acceptUrl } = await inviteMember(test.db, asAdmin, { email: invitee.email, role: 'member' }, { appUrl });
    await acceptInvitation(test.db, invitee, tokenOf(acceptUrl));
    await expect(acceptInvitation(test.db, invitee, tokenOf(acceptUrl))).rejects.toMatchObject({ code: 'conflict' });
  });

  it('refuses someone signed in with a different email', async () => {
    const { id, invitee, asAdmin } = await setup();
    const intruder = await createUser(test.db);
    const { acceptUrl } = await inviteMember(test.db, asAdmin, { email: invitee.email, role: 'member' }, { appUrl });
    await expect(acceptInvitation(test.db, intruder, tokenOf(acceptUrl))).rejects.toMatchObject({ code: 'forbidden' });
    expect(await roleOf(test.db, id, intruder.id)).toBeUndefined();
    await expect(acceptInvitation(test.db, invitee, tokenOf(acceptUrl))).resolves.toBe(id);
  });

  it('refuses an expired invitation', async () => {
    const { id, invitee, asAdmin } = await setup();
    const { acceptUrl } = await inviteMember(test.db, asAdmin, { email: invitee.email, role: 'member' }, { appUrl });
    await expect(
      acceptInvitation(test.db, invitee, tokenOf(acceptUrl), daysAfter(new Date(), 8)),
    ).rejects.toMatchObject({ code: 'gone' });
    expect(await roleOf(test.db, id, invitee.id)).toBeUndefined();
  });

  it('refuses an unknown token', async () => {
    const { invitee } = await setup();
    await expect(acceptInvitation(test.db, invitee, 'x'.repeat(43))).rejects.toMatchObject({ code: 'not_found' });
    await expect(acceptInvitation(test.db, invitee, '')).rejects.toMatchObject({ code: 'not_found' });
  });

  it('refuses a revoked invitation, and a newer invitation replaces an older one', async () => {
    const { id, invitee, asAdmin } = await setup();
    const first = await inviteMember(test.db, asAdmin, { email: invitee.email, role: 'member' }, { appUrl });
    const second = await inviteMember(test.db, asAdmin, { email: invitee.email, role: 'member' }, { appUrl });
    await expect(acceptInvitation(test.db, invitee, tokenOf(first.acceptUrl))).rejects.toMatchObject({ code: 'gone' });
    await revokeInvitation(test.db, asAdmin, second.id);
    await expect(acceptInvitation(test.db, invitee, tokenOf(second.acceptUrl))).rejects.toMatchObject({ code: 'gone' });
    expect(await roleOf(test.db, id, invitee.id)).toBeUndefined();
  });

  it('keeps the higher role of someone who is already a member', async () => {
    const { id, invitee, asAdmin } = await setup();
    const { acceptUrl } = await inviteMember(test.db, asAdmin, { email: invitee.email, role: 'member' }, { appUrl });
    await test.db.insertInto('memberships').values({ workspace_id: id, user_id: invitee.id, role: 'admin' }).execute();
    await acceptInvitation(test.db, invitee, tokenOf(acceptUrl));
    expect(await roleOf(test.db, id, invitee.id)).toBe('admin');
  });

  it('refuses to join a suspended workspace', async () => {
    const { id, invitee, asAdmin } = await setup();
    const { acceptUrl } = await inviteMember(test.db, asAdmin, { email: invitee.email, role: 'member' }, { appUrl });
    await test.db.updateTable('workspaces').set({ status: 'suspended' }).where('id', '=', id).execute();
    await expect(acceptInvitation(test.db, invitee, tokenOf(acceptUrl))).rejects.toMatchObject({ code: 'forbidden' });
    expect(await roleOf(test.db, id, invitee.id)).toBeUndefined();
  });
});

describe('revoking an invitation', () => {
  it('cannot touch another workspace’s invitation', async () => {
    const a = await setup();
    const b = await setup();
    const invitation = await inviteMember(test.db, b.asAdmin, { email: b.invitee.email, role: 'member' }, { appUrl });
    await expect(revokeInvitation(test.db, a.asAdmin, invitation.id)).rejects.toMatchObject({ code: 'not_found' });
    expect(await listInvitations(test.db, b.asAdmin)).toHaveLength(1);
  });
});
