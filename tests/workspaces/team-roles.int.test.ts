// Team roles: who may decide approvals, who is emailed, invitations without a stray personal workspace, the
// workspace settings (renamed and audited) and an audit log that names people and things.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiKey } from '@/lib/api-keys/create-api-key';
import { updateApiKey } from '@/lib/api-keys/update-api-key';
import { listAuditLogs } from '@/lib/audit/list-audit-logs';
import { decideApproval } from '@/lib/workflows/approvals/decide-approval';
import { advanceRun } from '@/lib/workflows/engine/advance-run';
import { createRun } from '@/lib/workflows/runs/create-run';
import { acceptInvitation } from '@/lib/workspaces/accept-invitation';
import { ensurePersonalWorkspace } from '@/lib/workspaces/ensure-workspace';
import { getInvitationPreview } from '@/lib/workspaces/get-invitation-preview';
import { inviteMember } from '@/lib/workspaces/invite-member';
import { listUserWorkspaces } from '@/lib/workspaces/list-workspaces';
import { updateWorkspace } from '@/lib/workspaces/update-workspace';
import { createTestDb, type TestDb } from '../helpers/test-db';
import { engineDeps, seedWorkflow, testClock } from '../workflows/fixtures';
import { auditActions, createUser, createWorkspace, sessionScope } from './fixtures';

let test: TestDb;
beforeAll(async () => {
  test = await createTestDb();
});
afterAll(() => test.close());

let counter = 0;
/** An owner, an admin and a member in "Acme"; `small` leaves out the admin and member (the Free plan has 3 seats). */
async function team({ small = false } = {}) {
  const n = ++counter;
  const owner = await createUser(test.db, 'Ana Owner', `ana${n}-${Date.now()}@example.com`);
  const admin = await createUser(test.db, 'Ade Admin', `ade${n}-${Date.now()}@example.com`);
  const member = await createUser(test.db, 'Mo Member', `mo${n}-${Date.now()}@example.com`);
  const id = await createWorkspace(
    test.db,
    'Acme',
    small
      ? [[owner.id, 'owner']]
      : [
          [owner.id, 'owner'],
          [admin.id, 'admin'],
          [member.id, 'member'],
        ],
  );
  return {
    id,
    owner,
    admin,
    member,
    asOwner: sessionScope(id, owner.id, 'owner'),
    asMember: sessionScope(id, member.id, 'member'),
  };
}

async function pendingApproval(workspaceId: string) {
  const clock = testClock(new Date());
  const workflow = await seedWorkflow(test.db, workspaceId, {
    name: 'Refunds',
    steps: [{ id: 'ask', type: 'approval', config: { message: 'Refund?' } }],
  });
  const run = await createRun(test.db, { workspaceId, workflowId: workflow.id, trigger: 'manual', payload: {} });
  const waiting = (await advanceRun(test.db, run.id, engineDeps(clock))) as { approvalId: string };
  return waiting.approvalId;
}

async function approvalEmailsTo(approvalId: string) {
  const rows = await test.db
    .selectFrom('email_outbox')
    .select('to_address')
    .where('kind', '=', 'workflow_approval')
    .where('text', 'like', `%/approvals/${approvalId}?%`)
    .execute();
  return rows.map((row) => row.to_address).sort();
}

describe('who may decide approvals', () => {
  it('refuses a member while only owners and admins may decide, and emails every owner and admin', async () => {
    const { id, owner, admin, asMember } = await team();
    const approvalId = await pendingApproval(id);
    await expect(decideApproval(test.db, asMember, approvalId, { decision: 'approve' })).rejects.toMatchObject({
      code: 'forbidden',
    });
    expect(await approvalEmailsTo(approvalId)).toEqual([owner.email, admin.email].sort());
  });

  it('lets a member approve once the workspace lets members decide, and emails every member', async () => {
    const { id, owner, admin, member, asOwner, asMember } = await team();
    expect(await updateWorkspace(test.db, asOwner, { approvers: 'members' })).toMatchObject({ approvers: 'members' });
    const approvalId = await pendingApproval(id);
    expect(await approvalEmailsTo(approvalId)).toEqual([owner.email, admin.email, member.email].sort());
    const decided = await decideApproval(test.db, asMember, approvalId, { decision: 'approve' });
    expect(decided).toMatchObject({ status: 'approved', decidedBy: member.email });
  });

  it('still needs a scope that matches for an API key of a member', async () => {
    const { id, member, asOwner } = await team();
    await updateWorkspace(test.db, asOwner, { approvers: 'members' });
    const approvalId = await pendingApproval(id);
    const readOnly = { ...sessionScope(id, member.id, 'member'), via: 'apiKey' as const, scopes: ['read' as const] };
    await expect(decideApproval(test.db, readOnly, approvalId, { decision: 'approve' })).rejects.toThrow(
      /This API key has the read scope; deciding an approval needs the write scope/,
    );
  });
});

describe('workspace settings', () => {
  it('renames the workspace for everyone in it and audits the old and new name', async () => {
    const { id, owner, asOwner } = await team();
    await updateWorkspace(test.db, asOwner, { name: '  Acme Bakery  ' });
    expect((await listUserWorkspaces(test.db, owner.id)).map((w) => w.name)).toEqual(['Acme Bakery']);
    expect(await auditActions(test.db, id)).toEqual(['workspace.renamed']);
    const { entries } = await listAuditLogs(test.db, asOwner);
    expect(entries[0]).toMatchObject({ meta: { from: 'Acme', to: 'Acme Bakery' }, target: 'Acme Bakery' });
  });

  it('refuses members and changes nothing', async () => {
    const { id, asMember } = await team();
    await expect(updateWorkspace(test.db, asMember, { name: 'Mine now' })).rejects.toMatchObject({
      code: 'forbidden',
    });
    const row = await test.db.selectFrom('workspaces').select('name').where('id', '=', id).executeTakeFirstOrThrow();
    expect(row.name).toBe('Acme');
  });
});

describe('invitations', () => {
  it('emails the invitation without saying "workspace" twice and the invite page names workspace and inviter', async () => {
    const { asOwner, owner } = await team({ small: true });
    await test.db
      .updateTable('workspaces')
      .set({ name: "Ana's workspace" })
      .where('id', '=', asOwner.workspaceId)
      .execute();
    const email = `new${Date.now()}@example.com`;
    const invitation = await inviteMember(test.db, asOwner, { email }, { appUrl: 'https://app.levqor.test' });
    const sent = await test.db
      .selectFrom('email_outbox')
      .select('text')
      .where('to_address', '=', email)
      .executeTakeFirstOrThrow();
    expect(sent.text).toContain("Ana Owner has invited you to join Ana's workspace on Levqor as a member.");
    expect(sent.text).not.toMatch(/workspace workspace/);
    const token = invitation.acceptUrl.split('/invite/')[1]!;
    expect(await getInvitationPreview(test.db, token)).toEqual({
      workspaceName: "Ana's workspace",
      inviterName: owner.name,
      state: 'pending',
    });
    expect(await getInvitationPreview(test.db, 'x'.repeat(40))).toBeNull();
  });

  it('gives someone who signs up through an invitation exactly one workspace: the one they were invited to', async () => {
    const { id, asOwner } = await team({ small: true });
    const email = `invitee${Date.now()}@example.com`;
    const invitation = await inviteMember(test.db, asOwner, { email }, { appUrl: 'https://app.levqor.test' });
    const invitee = await createUser(test.db, 'Ivy', email);
    // Sign-up (auth.ts) asks for a personal workspace unless an invitation is waiting.
    expect(await ensurePersonalWorkspace(test.db, invitee, { unlessInvited: true })).toEqual([]);
    await acceptInvitation(test.db, invitee, invitation.acceptUrl.split('/invite/')[1]!);
    expect((await listUserWorkspaces(test.db, invitee.id)).map((w) => w.id)).toEqual([id]);
    expect(await ensurePersonalWorkspace(test.db, invitee, { unlessInvited: true })).toHaveLength(1);
  });

  it('still gives a personal workspace to someone with no invitation, and lets an existing user keep theirs', async () => {
    const loner = await createUser(test.db, 'Lone', `lone${Date.now()}@example.com`);
    expect(await ensurePersonalWorkspace(test.db, loner, { unlessInvited: true })).toHaveLength(1);
    const { asOwner } = await team({ small: true });
    const invitation = await inviteMember(test.db, asOwner, { email: loner.email }, { appUrl: 'https://x.test' });
    await acceptInvitation(test.db, loner, invitation.acceptUrl.split('/invite/')[1]!);
    expect(await listUserWorkspaces(test.db, loner.id)).toHaveLength(2);
  });
});

describe('the audit log for owners and admins', () => {
  it('names the actor and the target instead of showing ids or masked emails', async () => {
    const { asOwner, owner } = await team({ small: true });
    const { apiKey } = await createApiKey(test.db, asOwner, { name: 'Zapier', scopes: ['read'] });
    await updateApiKey(test.db, asOwner, apiKey.id, { scopes: ['read', 'write'] });
    const email = `guest${Date.now()}@example.com`;
    await inviteMember(test.db, asOwner, { email }, { appUrl: 'https://x.test' });
    const { entries } = await listAuditLogs(test.db, asOwner);
    expect(entries.map((e) => [e.action, e.actor, e.target])).toEqual([
      ['member.invited', 'Ana Owner', email],
      ['api_key.updated', 'Ana Owner', 'Zapier'],
      ['api_key.created', 'Ana Owner', 'Zapier'],
    ]);
    expect(entries[0]?.actorEmail).toBe(owner.email);
  });
});
