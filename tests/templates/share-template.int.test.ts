import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { listPublicSharedTemplates } from '@/lib/templates/list-public-shared-templates';
import { listWorkspaceTemplates } from '@/lib/templates/list-workspace-templates';
import { reviewSharedTemplate, listTemplatesForReview } from '@/lib/templates/review-shared-template';
import { shareWorkflowAsTemplate } from '@/lib/templates/share-template';
// NOTE: renamed on import: React's lint rules take any `use…` call for a hook.
import { useTemplate as copyTemplate } from '@/lib/templates/use-template';
import { createWorkflow } from '@/lib/workflows/create-workflow';
import { getWorkflow } from '@/lib/workflows/get-workflow';
import { seedMember, type Seeded } from '../accounts/seed';
import { createTestDb, type TestDb } from '../helpers/test-db';

let t: TestDb;
let owner: Seeded;
let stranger: Seeded;

beforeAll(async () => {
  t = await createTestDb();
});
afterAll(() => t.close());
beforeEach(async () => {
  owner = await seedMember(t.db, 'owner');
  stranger = await seedMember(t.db, 'owner');
});

const mine = () =>
  createWorkflow(t.db, owner.scope, {
    name: 'Order sync',
    trigger: { type: 'schedule', cron: '0 6 * * *', timezone: 'Europe/London' },
    steps: [
      {
        id: 'fetch',
        type: 'http_request',
        config: { url: 'https://api.example.com/orders', headers: { Authorization: 'Bearer sk_live_secret' } },
      },
      {
        id: 'tell',
        type: 'email',
        config: { to: 'boss@acme.test', subject: 'Orders', text: '{{steps.fetch.output.body}}' },
      },
    ],
  });

describe('sharing a workflow as a template', () => {
  it('keeps a workspace template private to that workspace, copyable only there', async () => {
    const workflow = await mine();
    const shared = await shareWorkflowAsTemplate(t.db, owner.scope, workflow.id, {
      visibility: 'workspace',
      title: 'Order sync',
      summary: 'Fetches orders every morning and emails them.',
    });
    expect(shared).toMatchObject({
      visibility: 'workspace',
      status: 'private',
      sourceWorkflowId: workflow.id,
      workspaceId: owner.workspaceId,
    });
    expect(shared.slug).toMatch(/^order-sync-[0-9a-f]{6}$/);
    expect((await listWorkspaceTemplates(t.db, owner.scope)).map((template) => template.id)).toEqual([shared.id]);
    expect(await listWorkspaceTemplates(t.db, stranger.scope)).toEqual([]);

    const copy = await copyTemplate(t.db, owner.scope, shared.slug);
    // A private template keeps the workspace's own values.
    expect((await getWorkflow(t.db, owner.scope, copy.id)).definition.steps[0]!.config.headers).toEqual({
      Authorization: 'Bearer sk_live_secret',
    });
    await expect(copyTemplate(t.db, stranger.scope, shared.slug)).rejects.toMatchObject({ code: 'not_found' });
    await expect(reviewSharedTemplate(t.db, null, shared.id, 'approve')).rejects.toMatchObject({ code: 'conflict' });
  });

  it('holds a public submission for review, without its secrets, until an admin approves it', async () => {
    const workflow = await mine();
    const shared = await shareWorkflowAsTemplate(t.db, owner.scope, workflow.id, {
      visibility: 'public',
      title: 'Morning orders email',
      summary: 'Emails you the night’s orders at 6 am.',
      category: 'reporting',
    });
    expect(shared).toMatchObject({ status: 'pending_review', category: 'reporting', useCount: 0 });
    expect(await listPublicSharedTemplates(t.db)).toEqual([]);
    await expect(copyTemplate(t.db, stranger.scope, shared.slug)).rejects.toMatchObject({ code: 'not_found' });
    expect((await listTemplatesForReview(t.db)).map((template) => template.id)).toContain(shared.id);

    const approved = await reviewSharedTemplate(t.db, stranger.userId, shared.id, 'approve', 'Looks good');
    expect(approved).toMatchObject({ status: 'approved', reviewNote: 'Looks good' });
    await expect(reviewSharedTemplate(t.db, stranger.userId, shared.id, 'approve')).rejects.toMatchObject({
      code: 'conflict',
    });
    const listed = await listPublicSharedTemplates(t.db, { category: 'reporting' });
    expect(listed.map((template) => template.slug)).toContain(shared.slug);
    expect(await listPublicSharedTemplates(t.db, { category: 'crm' })).toEqual([]);

    const copy = await copyTemplate(t.db, stranger.scope, shared.slug);
    const definition = (await getWorkflow(t.db, stranger.scope, copy.id)).definition;
    expect(copy.name).toBe('Morning orders email');
    expect(JSON.stringify(definition)).not.toContain('sk_live_secret');
    expect(JSON.stringify(definition)).not.toContain('boss@acme.test');
    expect(
      (
        await t.db
          .selectFrom('workflow_templates')
          .select('use_count')
          .where('id', '=', shared.id)
          .executeTakeFirstOrThrow()
      ).use_count,
    ).toBe(1);

    await reviewSharedTemplate(t.db, stranger.userId, shared.id, 'reject', 'Taken down');
    expect((await listPublicSharedTemplates(t.db)).map((template) => template.slug)).not.toContain(shared.slug);
  });

  it('lets only workspace admins submit a public template, and never from another workspace', async () => {
    const workflow = await mine();
    const member = await seedMember(t.db, 'member', owner.workspaceId);
    const input = { visibility: 'public' as const, title: 'Order sync', summary: 'Fetches orders every morning.' };
    await expect(shareWorkflowAsTemplate(t.db, member.scope, workflow.id, input)).rejects.toMatchObject({
      code: 'forbidden',
    });
    await expect(
      shareWorkflowAsTemplate(t.db, member.scope, workflow.id, { ...input, visibility: 'workspace' }),
    ).resolves.toMatchObject({ status: 'private' });
    await expect(shareWorkflowAsTemplate(t.db, stranger.scope, workflow.id, input)).rejects.toMatchObject({
      code: 'not_found',
    });
  });
});
