// Using a template: every copy starts disabled with a checklist of exactly what it needs, and cannot be switched on
// (API: 409 with the open items) until its fields are filled and its connections exist.
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { catalogTemplates } from '@/lib/templates';
import { useTemplate as copyTemplate } from '@/lib/templates/use-template';
import { saveConnectorCredential } from '@/lib/workflows/credentials/save-credential';
import { getSetupChecklist } from '@/lib/workflows/get-setup-checklist';
import { setWorkflowEnabled } from '@/lib/workflows/set-workflow-enabled';
import { updateWorkflow } from '@/lib/workflows/update-workflow';
import { seedMember, type Seeded } from '../accounts/seed';
import { database, params, request, session } from '../helpers/route-request';
import { createTestDb, type TestDb } from '../helpers/test-db';

vi.mock('@/db', async () => (await import('../helpers/route-request')).dbModule());
vi.mock('@/lib/auth/session-scope', async () => (await import('../helpers/route-request')).sessionModule());

const useRoute = await import('@/app/api/templates/[slug]/use/route');
const workflowRoute = await import('@/app/api/workflows/[id]/route');
const setupRoute = await import('@/app/api/workflows/[id]/setup/route');

let t: TestDb;
let owner: Seeded;

beforeAll(async () => {
  t = await createTestDb();
  database.current = t;
});
afterAll(() => t.close());
beforeEach(async () => {
  owner = await seedMember(t.db, 'owner');
  session.current = owner;
});

/** What a template needs, found independently of the registry: example values and named connections. */
function expectedNeeds(template: (typeof catalogTemplates)[number]) {
  const fields: string[] = [];
  const visit = (value: unknown, path: string) => {
    if (typeof value === 'string') {
      if (/YOUR[-_][A-Z]|example\.(com|org|net)/i.test(value)) fields.push(path);
    } else if (value && typeof value === 'object')
      for (const [key, item] of Object.entries(value)) visit(item, `${path}.${key}`);
  };
  const connections: string[] = [];
  template.definition.steps.forEach((step, i) => {
    const { credential, signingCredential, ...config } = step.config ?? {};
    visit(config, `steps.${i}.config`);
    if (typeof credential === 'string') connections.push(`${step.type}:${credential}`);
    if (typeof signingCredential === 'string') connections.push(`${step.type}:${signingCredential}`);
  });
  return { fields: fields.sort(), connections: connections.sort() };
}

describe('a workflow made from a template', () => {
  it.each(catalogTemplates.map((template) => [template.slug, template] as const))(
    '%s arrives disabled with a checklist of exactly its needs',
    async (slug, template) => {
      const workflow = await copyTemplate(t.db, owner.scope, slug);
      expect(workflow.enabled).toBe(false);
      const { items, blocking } = await getSetupChecklist(t.db, owner.scope, workflow.id);
      const expected = expectedNeeds(template);
      const fields = items.flatMap((item) => (item.kind === 'field' ? [item.path] : [])).sort();
      const connections = items
        .flatMap((item) => (item.kind === 'connection' ? [`${item.connector}:${item.credential}`] : []))
        .sort();
      expect({ fields, connections }).toEqual(expected);
      expect(items.every((item) => !item.done)).toBe(true);
      expect(blocking).toHaveLength(fields.length + connections.length);
      if (blocking.length > 0)
        await expect(setWorkflowEnabled(t.db, owner.scope, workflow.id, true)).rejects.toMatchObject({
          code: 'conflict',
          details: { issues: blocking },
        });
      else expect((await setWorkflowEnabled(t.db, owner.scope, workflow.id, true)).enabled).toBe(true);
    },
  );

  it('comes disabled through the API too, and PATCH enabled answers 409 with the open items', async () => {
    const created = await useRoute.POST(
      request('/api/templates/shopify-order-to-google-sheets/use', { method: 'POST' }),
      params({ slug: 'shopify-order-to-google-sheets' }),
    );
    expect(created.status).toBe(201);
    const workflow = (await created.json()) as { id: string; enabled: boolean };
    expect(workflow.enabled).toBe(false);
    const patch = await workflowRoute.PATCH(
      request(`/api/workflows/${workflow.id}`, { method: 'PATCH', json: { enabled: true } }),
      params({ id: workflow.id }),
    );
    expect(patch.status).toBe(409);
    const body = (await patch.json()) as { error: { details: { issues: { code: string; path: string }[] } } };
    expect(body.error.details.issues.map((issue) => [issue.code, issue.path])).toEqual([
      ['connection_missing', 'steps.0.config.credential'],
      ['placeholder_unfilled', 'steps.0.config.spreadsheetId'],
    ]);
    const setup = await setupRoute.GET(request(`/api/workflows/${workflow.id}/setup`), params({ id: workflow.id }));
    expect(((await setup.json()) as { items: unknown[] }).items).toHaveLength(3);
  });

  it('ticks items off as they are done and switches on once fields are filled and the connection exists', async () => {
    const workflow = await copyTemplate(t.db, owner.scope, 'shopify-order-to-google-sheets');
    const definition = structuredClone(workflow.definition);
    definition.steps[0]!.config.spreadsheetId = '1BxiMVs0XRA5nFMdKvBdBZjgmUUqptlbs74OgvE2upms';
    await updateWorkflow(t.db, owner.scope, workflow.id, definition);

    let checklist = await getSetupChecklist(t.db, owner.scope, workflow.id);
    expect(checklist.items.map((item) => [item.kind, item.done])).toEqual([
      ['connection', false],
      ['field', true],
      ['test_run', false],
    ]);
    await expect(setWorkflowEnabled(t.db, owner.scope, workflow.id, true)).rejects.toMatchObject({ code: 'conflict' });

    await saveConnectorCredential(t.db, owner.scope, {
      name: 'google-sheets',
      connector: 'google_sheets',
      fields: { accessToken: 'ya29.a0AfH6SMBx-test-token' },
    });
    checklist = await getSetupChecklist(t.db, owner.scope, workflow.id);
    expect(checklist.blocking).toEqual([]);
    expect((await setWorkflowEnabled(t.db, owner.scope, workflow.id, true)).enabled).toBe(true);
  });

  it('does not count a connection of another type, or of another workspace, as done', async () => {
    const other = await seedMember(t.db, 'owner');
    await saveConnectorCredential(t.db, other.scope, {
      name: 'slack-alerts',
      connector: 'slack',
      fields: { webhookUrl: 'https://hooks.slack.com/services/T0/B0/abc' },
    });
    await saveConnectorCredential(t.db, owner.scope, {
      name: 'slack-alerts',
      connector: 'notion',
      fields: { token: 'ntn_0123456789abcdefghijklmnop' },
    });
    const workflow = await copyTemplate(t.db, owner.scope, 'failed-payment-slack-alert');
    const { blocking } = await getSetupChecklist(t.db, owner.scope, workflow.id);
    expect(blocking).toEqual([
      expect.objectContaining({
        code: 'connection_missing',
        params: expect.objectContaining({ name: 'slack-alerts' }),
      }),
    ]);
  });
});
