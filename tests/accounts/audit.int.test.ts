import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAuditLogs } from '@/lib/audit/list-audit-logs';
import { recordAudit } from '@/lib/audit/record-audit';
import { createTestDb, type TestDb } from '../helpers/test-db';
import { type Seeded, seedMember } from './seed';

let test: TestDb;
let owner: Seeded;
let admin: Seeded;
let member: Seeded;
let stranger: Seeded;
beforeAll(async () => {
  test = await createTestDb();
  owner = await seedMember(test.db, 'owner');
  admin = await seedMember(test.db, 'admin', owner.workspaceId);
  member = await seedMember(test.db, 'member', owner.workspaceId);
  stranger = await seedMember(test.db, 'owner');
  await recordAudit(test.db, {
    workspaceId: owner.workspaceId,
    actorUserId: owner.userId,
    action: 'workspace.created',
    targetType: 'workspace',
    targetId: owner.workspaceId,
  });
  await recordAudit(test.db, {
    workspaceId: stranger.workspaceId,
    actorUserId: stranger.userId,
    action: 'workspace.created',
  });
  await recordAudit(test.db, {
    workspaceId: owner.workspaceId,
    actorUserId: owner.userId,
    action: 'member.invited',
    meta: { email: 'grace@example.org', role: 'admin' },
  });
  await recordAudit(test.db, {
    workspaceId: owner.workspaceId,
    actorUserId: admin.userId,
    action: 'member.role_changed',
    meta: { from: 'member', to: 'admin' },
  });
});
afterAll(() => test.close());

describe('audit log', () => {
  it('lists the workspace’s entries newest first', async () => {
    const { entries, nextCursor } = await listAuditLogs(test.db, owner.scope);
    expect(entries.map((e) => e.action)).toEqual(['member.role_changed', 'member.invited', 'workspace.created']);
    expect(nextCursor).toBeNull();
  });

  it('shows admins the log too, but never another workspace’s entries', async () => {
    const { entries } = await listAuditLogs(test.db, admin.scope);
    expect(entries).toHaveLength(3);
    const theirs = await listAuditLogs(test.db, stranger.scope);
    expect(theirs.entries.map((e) => e.actorUserId)).toEqual([stranger.userId]);
  });

  it('refuses plain members', async () => {
    await expect(listAuditLogs(test.db, member.scope)).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('shows owners and admins who acted (not a masked address), while emails inside meta stay masked', async () => {
    const { entries } = await listAuditLogs(test.db, owner.scope);
    expect(entries[0]).toMatchObject({ actor: admin.email, actorEmail: admin.email });
    expect(entries[1]?.meta).toEqual({ email: 'g***@example.org', role: 'admin' });
    expect(entries[2]).toMatchObject({ targetType: 'workspace', target: 'Acme' });
    const stored = await test.db
      .selectFrom('audit_logs')
      .select('meta')
      .where('action', '=', 'member.invited')
      .executeTakeFirstOrThrow();
    expect(JSON.stringify(stored.meta)).not.toContain('grace@');
  });

  it('masks an email given as the actor label', async () => {
    await recordAudit(test.db, {
      workspaceId: stranger.workspaceId,
      action: 'auth.sign_in_failed',
      actorLabel: 'mallory@example.net',
      ip: '203.0.113.9',
    });
    const { entries } = await listAuditLogs(test.db, stranger.scope);
    expect(entries[0]).toMatchObject({ action: 'auth.sign_in_failed', actor: 'm***@example.net', ip: '203.0.113.9' });
  });

  it('pages backwards with the id cursor', async () => {
    const first = await listAuditLogs(test.db, owner.scope, { limit: 2 });
    expect(first.entries.map((e) => e.action)).toEqual(['member.role_changed', 'member.invited']);
    expect(first.nextCursor).not.toBeNull();
    const second = await listAuditLogs(test.db, owner.scope, { limit: 2, before: first.nextCursor ?? undefined });
    expect(second).toMatchObject({
      entries: [expect.objectContaining({ action: 'workspace.created' })],
      nextCursor: null,
    });
  });

  it('rejects a malformed cursor', async () => {
    await expect(listAuditLogs(test.db, owner.scope, { before: '1; drop table' })).rejects.toMatchObject({
      code: 'bad_request',
    });
  });
});
