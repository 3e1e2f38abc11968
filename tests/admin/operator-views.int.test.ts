import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getCostMonitor } from '@/lib/admin/cost-monitor';
import { getLaunchStage } from '@/lib/admin/launch-stage';
import { listPendingApprovals } from '@/lib/admin/list-pending-approvals';
import { listPlatformAudit, platformAuditQuerySchema } from '@/lib/admin/list-platform-audit';
import { getOpsSetting, listOpsSettings, setOpsSetting } from '@/lib/admin/ops-settings';
import { allowedEvents, searchTenants, searchTenantsQuerySchema } from '@/lib/admin/search-tenants';
import { tailLogs, tailLogsQuerySchema } from '@/lib/admin/tail-logs';
import { recordAudit } from '@/lib/audit/record-audit';
import { changeWorkspaceStatus } from '@/lib/workspaces/change-workspace-status';
import { seedMember, type Seeded } from '../accounts/seed';
import { createTestDb, type TestDb } from '../helpers/test-db';
import { seedApproval, seedRuns, seedWorkflow } from './seed-workflows';

let test: TestDb;
let acme: Seeded;
let globex: Seeded;
const search = (query: Record<string, string>) => searchTenants(test.db, searchTenantsQuerySchema.parse(query));

beforeAll(async () => {
  test = await createTestDb();
  acme = await seedMember(test.db, 'owner');
  await seedMember(test.db, 'member', acme.workspaceId);
  globex = await seedMember(test.db, 'owner');
  await test.db
    .updateTable('workspaces')
    .set({ name: 'Globex Corporation' })
    .where('id', '=', globex.workspaceId)
    .execute();
});
afterAll(() => test.close());

describe('tenant search', () => {
  it('finds workspaces by name, id or member email, with owners masked and member counts', async () => {
    expect((await search({ q: 'globex' })).map((t) => t.id)).toEqual([globex.workspaceId]);
    expect((await search({ q: acme.workspaceId })).map((t) => t.id)).toEqual([acme.workspaceId]);
    const byEmail = await search({ q: acme.email.toUpperCase() });
    expect(byEmail).toEqual([
      expect.objectContaining({
        id: acme.workspaceId,
        members: 2,
        owners: [`${acme.email[0]}***@example.com`],
        status: 'active',
      }),
    ]);
    expect(await search({ q: '%' })).toEqual([]);
  });

  it('filters by status and offers only the lifecycle events the status allows', async () => {
    await changeWorkspaceStatus(test.db, { userId: null, label: 'admin' }, globex.workspaceId, 'suspend');
    const [suspended] = await search({ status: 'suspended' });
    expect(suspended).toMatchObject({ id: globex.workspaceId, allowedEvents: ['resume', 'delete'] });
    expect((await search({ status: 'active' })).find((t) => t.id === acme.workspaceId)?.allowedEvents).toEqual([
      'suspend',
      'delete',
    ]);
    const deletedAt = new Date('2026-01-01T00:00:00Z');
    expect(allowedEvents('soft_deleted', deletedAt, new Date('2026-01-10T00:00:00Z'))).toEqual(['restore']);
    expect(allowedEvents('soft_deleted', deletedAt, new Date('2026-03-01T00:00:00Z'))).toEqual([]);
    expect(allowedEvents('purged', deletedAt)).toEqual([]);
  });
});

describe('the platform audit log', () => {
  it('lists every workspace and platform entry newest first, filters by action prefix and workspace, and pages', async () => {
    await recordAudit(test.db, {
      workspaceId: null,
      actorLabel: 'root@levqor.io',
      action: 'flag.changed',
      targetType: 'flag',
      targetId: 'ai.enabled',
    });
    const all = await listPlatformAudit(test.db, platformAuditQuerySchema.parse({}));
    expect(all.entries[0]).toMatchObject({ action: 'flag.changed', workspaceName: null, actor: 'r***@levqor.io' });
    expect(
      all.entries.some(
        (entry) =>
          entry.workspaceId === globex.workspaceId &&
          entry.action === 'workspace.suspended' &&
          entry.workspaceName === 'Globex Corporation',
      ),
    ).toBe(true);
    const workspaceOnly = await listPlatformAudit(
      test.db,
      platformAuditQuerySchema.parse({ action: 'workspace.', workspace_id: globex.workspaceId }),
    );
    expect(workspaceOnly.entries.map((entry) => entry.action)).toEqual(['workspace.suspended']);
    const page = await listPlatformAudit(test.db, platformAuditQuerySchema.parse({ limit: '1' }));
    expect(page.entries).toHaveLength(1);
    const next = await listPlatformAudit(
      test.db,
      platformAuditQuerySchema.parse({ limit: '1', before: page.nextCursor! }),
    );
    expect(Number(next.entries[0]!.id)).toBeLessThan(Number(page.entries[0]!.id));
    expect(platformAuditQuerySchema.safeParse({ action: "x'; drop" }).success).toBe(false);
  });
});

describe('the approval queue and the cost monitor', () => {
  it('list pending approvals across workspaces with their workspace and workflow names', async () => {
    const workflow = await seedWorkflow(test.db, acme.workspaceId, 'Invoice sync');
    const [pending, decided] = await seedRuns(test.db, acme.workspaceId, workflow.id, [
      'queued',
      'succeeded',
      'failed',
    ]);
    await seedApproval(test.db, acme.workspaceId, workflow.id, pending!.id);
    await seedApproval(test.db, acme.workspaceId, workflow.id, decided!.id, 'approved');
    const queue = await listPendingApprovals(test.db);
    expect(queue).toEqual([
      expect.objectContaining({
        workspaceName: 'Acme',
        workflowName: 'Invoice sync',
        stepId: 'approve-invoice',
        actionClass: 'C',
      }),
    ]);
  });

  it('count runs, emails, AI calls with their cost, and telemetry', async () => {
    await test.db
      .insertInto('email_outbox')
      .values({ to_address: 'a@b.co', subject: 's', text: 't', kind: 'magic_link', status: 'stored' })
      .execute();
    await test.db
      .insertInto('telemetry_logs')
      .values([
        { level: 'info', kind: 'event', name: 'workflow.created', meta: '{}' },
        { level: 'info', kind: 'event', name: 'workflow.enabled', meta: '{}' },
      ])
      .execute();
    const aiCall = (cost: number, source: 'model' | 'fallback', created_at = new Date()) => ({
      workspace_id: acme.workspaceId,
      user_id: null,
      feature: 'chat',
      source,
      cost_microcents: cost,
      created_at,
    });
    await test.db
      .insertInto('ai_calls')
      .values([
        aiCall(12_400_000, 'model'),
        aiCall(3_000_000, 'model'),
        aiCall(0, 'fallback'),
        aiCall(1_000_000, 'model', new Date(Date.now() - 3 * 86_400_000)),
      ])
      .execute();
    const costs = await getCostMonitor(test.db);
    expect(costs.runs).toEqual({ last24h: 3, last30d: 3, failed30d: 1 });
    expect(costs.emails.last24h).toBe(1);
    expect(costs.ai).toEqual({
      calls24h: 3,
      calls30d: 4,
      costCents24h: 15.4,
      costCents30d: 16.4,
      dailyBudgetCents: 2000,
    });
    expect(costs.telemetry.rows).toBeGreaterThanOrEqual(2);
  });
});

describe('operator settings', () => {
  it('default, validate and store the AI daily budget', async () => {
    expect(await getOpsSetting(test.db, 'ai.daily_budget_cents')).toBe(2000);
    await expect(setOpsSetting(test.db, acme.userId, 'ai.daily_budget_cents', 12.5)).rejects.toMatchObject({
      code: 'validation_failed',
    });
    await expect(setOpsSetting(test.db, acme.userId, 'ai.monthly', 1)).rejects.toMatchObject({ code: 'not_found' });
    expect(await setOpsSetting(test.db, acme.userId, 'ai.daily_budget_cents', 5000)).toMatchObject({
      value: 5000,
      updatedBy: acme.userId,
    });
    expect(await getOpsSetting(test.db, 'ai.daily_budget_cents')).toBe(5000);
    expect(await listOpsSettings(test.db)).toEqual([
      expect.objectContaining({ key: 'ai.daily_budget_cents', value: 5000, defaultValue: 2000 }),
      expect.objectContaining({ key: 'ai.workspace_daily_budget_cents', value: 200, updatedAt: null }),
      expect.objectContaining({ key: 'ai.workspace_calls_per_minute', value: 20, updatedAt: null }),
    ]);
  });
});

describe('the live logs tail', () => {
  it('returns the newest lines, then only lines after the cursor, optionally errors only', async () => {
    await test.db.deleteFrom('telemetry_logs').execute();
    await test.db
      .insertInto('telemetry_logs')
      .values([
        { level: 'info', kind: 'event', name: 'first' },
        { level: 'error', kind: 'error', name: 'second', message: 'boom' },
      ])
      .execute();
    const first = await tailLogs(test.db, tailLogsQuerySchema.parse({}));
    expect(first.lines.map((line) => line.name)).toEqual(['second', 'first']);
    expect((await tailLogs(test.db, tailLogsQuerySchema.parse({ after: first.cursor! }))).lines).toEqual([]);
    await test.db.insertInto('telemetry_logs').values({ level: 'info', kind: 'event', name: 'third' }).execute();
    const next = await tailLogs(test.db, tailLogsQuerySchema.parse({ after: first.cursor! }));
    expect(next.lines.map((line) => line.name)).toEqual(['third']);
    expect(
      (await tailLogs(test.db, tailLogsQuerySchema.parse({ level: 'error' }))).lines.map((line) => line.name),
    ).toEqual(['second']);
  });
});

describe('the launch stage', () => {
  it('makes autopilot a dry run that needs approval before launch', () => {
    expect(getLaunchStage({ LEVQOR_LAUNCH_STAGE: 'pre-launch' })).toEqual({
      stage: 'pre-launch',
      autopilot: 'dry_run',
      approvalsRequired: true,
    });
    expect(getLaunchStage({ LEVQOR_LAUNCH_STAGE: 'post-launch' })).toEqual({
      stage: 'post-launch',
      autopilot: 'live',
      approvalsRequired: false,
    });
  });
});
