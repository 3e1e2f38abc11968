import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { createWorkflow } from '@/lib/workflows/create-workflow';
import { seedMember, type Seeded } from '../accounts/seed';
import { database, params, request, session } from '../helpers/route-request';
import { createTestDb, type TestDb } from '../helpers/test-db';

let test: TestDb;

vi.mock('@/db', async () => (await import('../helpers/route-request')).dbModule());
vi.mock('@/lib/auth/session-scope', async () => (await import('../helpers/route-request')).sessionModule());

const listRoute = await import('@/app/api/templates/route');
const detailRoute = await import('@/app/api/templates/[slug]/route');
const useRoute = await import('@/app/api/templates/[slug]/use/route');
const workspaceRoute = await import('@/app/api/templates/workspace/route');
const shareRoute = await import('@/app/api/workflows/[id]/share/route');
const adminListRoute = await import('@/app/api/admin/templates/route');
const reviewRoute = await import('@/app/api/admin/templates/[id]/review/route');

let owner: Seeded;

beforeAll(async () => {
  test = await createTestDb();
  database.current = test;
});
afterAll(() => test.close());
beforeEach(async () => {
  owner = await seedMember(test.db, 'owner');
  session.current = null;
});

describe('template API', () => {
  it('lists the library publicly, by category and in the asked language', async () => {
    const all = await listRoute.GET(request('/api/templates'));
    expect(all.status).toBe(200);
    const { templates } = (await all.json()) as {
      templates: { slug: string; category: string; title: string; source: string }[];
    };
    expect(templates.length).toBeGreaterThanOrEqual(25);
    expect(templates.find((template) => template.slug === 'weekly-sales-report-email')).toMatchObject({
      source: 'builtin',
      title: 'Weekly sales report email',
    });

    const crm = (await (await listRoute.GET(request('/api/templates?category=crm&locale=de'))).json()) as {
      templates: { category: string; title: string }[];
    };
    expect(crm.templates.length).toBeGreaterThanOrEqual(4);
    expect(crm.templates.every((template) => template.category === 'crm')).toBe(true);
    expect(crm.templates.map((template) => template.title)).toContain('Neuer Lead → Zeile im Notion-CRM');
    expect((await listRoute.GET(request('/api/templates?category=nope'))).status).toBe(422);
  });

  it('shows one template with its steps and definition, and 404s an unknown one', async () => {
    const response = await detailRoute.GET(
      request('/api/templates/failed-payment-slack-alert'),
      params({ slug: 'failed-payment-slack-alert' }),
    );
    const body = (await response.json()) as {
      connectors: unknown;
      steps: { id: string; description: string }[];
      definition: { trigger: unknown };
    };
    expect(body.connectors).toEqual([{ type: 'slack', credential: 'slack-alerts' }]);
    expect(body.steps[1]).toMatchObject({
      id: 'alert',
      description: 'Post the customer, amount and invoice link to Slack',
    });
    expect(body.definition.trigger).toEqual({ type: 'webhook', requireSignature: false });
    expect((await detailRoute.GET(request('/api/templates/nope'), params({ slug: 'nope' }))).status).toBe(404);
  });

  it('copies a template into the signed-in workspace, with or without a body', async () => {
    const path = '/api/templates/webhook-payload-archive/use';
    expect(
      (await useRoute.POST(request(path, { method: 'POST' }), params({ slug: 'webhook-payload-archive' }))).status,
    ).toBe(401);
    session.current = owner;
    const plain = await useRoute.POST(request(path, { method: 'POST' }), params({ slug: 'webhook-payload-archive' }));
    expect(plain.status).toBe(201);
    const named = await useRoute.POST(
      request(path, { method: 'POST', json: { name: 'Archive (Shopify)' } }),
      params({ slug: 'webhook-payload-archive' }),
    );
    expect(await named.json()).toMatchObject({ name: 'Archive (Shopify)', trigger: { type: 'webhook' } });
    const rows = await test.db
      .selectFrom('workflows')
      .select('name')
      .where('workspace_id', '=', owner.workspaceId)
      .orderBy('name')
      .execute();
    expect(rows.map((row) => row.name)).toEqual(['Archive (Shopify)', 'Archive every incoming webhook']);
  });

  it('shares a workflow for review, which only a platform admin can list and approve', async () => {
    const workflow = await createWorkflow(test.db, owner.scope, {
      name: 'Ping',
      trigger: { type: 'manual' },
      steps: [{ id: 'note', type: 'log', config: { message: 'hi' } }],
    });
    session.current = owner;
    const shared = await shareRoute.POST(
      request(`/api/workflows/${workflow.id}/share`, {
        method: 'POST',
        json: { visibility: 'public', title: 'Ping log', summary: 'Writes hi to the run log.' },
      }),
      params({ id: workflow.id }),
    );
    expect(shared.status).toBe(201);
    const template = (await shared.json()) as { id: string; slug: string; status: string };
    expect(template.status).toBe('pending_review');
    expect(
      (
        (await (await workspaceRoute.GET(request('/api/templates/workspace'))).json()) as {
          templates: { id: string }[];
        }
      ).templates.map((row) => row.id),
    ).toEqual([template.id]);

    expect((await adminListRoute.GET(request('/api/admin/templates'))).status).toBe(404);
    const review = () =>
      reviewRoute.POST(
        request(`/api/admin/templates/${template.id}/review`, { method: 'POST', json: { decision: 'approve' } }),
        params({ id: template.id }),
      );
    expect((await review()).status).toBe(404);

    session.current = { ...owner, isAdmin: true };
    const pending = (await (await adminListRoute.GET(request('/api/admin/templates'))).json()) as {
      templates: { id: string }[];
    };
    expect(pending.templates.map((row) => row.id)).toContain(template.id);
    expect(await (await review()).json()).toMatchObject({ status: 'approved' });

    session.current = null;
    const listed = (await (await listRoute.GET(request('/api/templates'))).json()) as {
      templates: { slug: string; source: string }[];
    };
    expect(listed.templates.find((row) => row.slug === template.slug)).toMatchObject({ source: 'shared' });
    expect(
      (await detailRoute.GET(request(`/api/templates/${template.slug}`), params({ slug: template.slug }))).status,
    ).toBe(200);
  });
});
