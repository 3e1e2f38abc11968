// The workflow lifecycle through the API: duplicate, export (no secrets) and import, delete freeing the plan slot
// and refused while a run is in progress. PGlite by default; PostgreSQL with TEST_DATABASE_URL.
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { createApiKey } from '@/lib/api-keys/create-api-key';
import { decryptSecret } from '@/lib/crypto/secret-box';
import { saveConnectorCredential } from '@/lib/workflows/credentials/save-credential';
import { countWorkflowContents } from '@/lib/workflows/count-workflow-contents';
import { seedMember, type Seeded } from '../accounts/seed';
import { insertRun, insertSnapshot } from '../backups/fixtures';
import { database, params, request, session } from '../helpers/route-request';
import { createTestDb, type TestDb } from '../helpers/test-db';

vi.mock('@/db', async () => (await import('../helpers/route-request')).dbModule());
vi.mock('@/lib/auth/session-scope', async () => (await import('../helpers/route-request')).sessionModule());

const workflowsRoute = await import('@/app/api/workflows/route');
const workflowRoute = await import('@/app/api/workflows/[id]/route');
const duplicateRoute = await import('@/app/api/workflows/[id]/duplicate/route');
const exportRoute = await import('@/app/api/workflows/[id]/export/route');
const importRoute = await import('@/app/api/workflows/import/route');

let test: TestDb;
let owner: Seeded;
let other: Seeded;

const SLACK_URL = 'https://hooks.slack.com/services/T000/B000/very-secret-path';

const definition = (name = 'Order alert') => ({
  name,
  description: 'Tells the team about each order',
  trigger: { type: 'webhook', requireSignature: true },
  steps: [
    { id: 'shape', type: 'transform', config: { value: { order: '{{trigger.payload.body.order}}' } } },
    { id: 'tell', type: 'slack', config: { credential: 'team-slack', text: 'Order {{steps.shape.output.order}}' } },
  ],
});

type Created = {
  id: string;
  name: string;
  enabled: boolean;
  currentVersion: number;
  webhookUrl: string | null;
  definition: Record<string, unknown>;
};

async function create(body: unknown = definition()): Promise<Created> {
  const response = await workflowsRoute.POST(request('/api/workflows', { method: 'POST', json: body }));
  expect(response.status).toBe(201);
  return response.json();
}

const duplicate = (id: string, json: unknown = {}) =>
  duplicateRoute.POST(request(`/api/workflows/${id}/duplicate`, { method: 'POST', json }), params({ id }));
const exportFile = (id: string) => exportRoute.GET(request(`/api/workflows/${id}/export`), params({ id }));
const importFile = (json: unknown) => importRoute.POST(request('/api/workflows/import', { method: 'POST', json }));
const remove = (id: string) =>
  workflowRoute.DELETE(request(`/api/workflows/${id}`, { method: 'DELETE' }), params({ id }));

async function paid(workspaceId: string) {
  await test.db
    .insertInto('billing_accounts')
    .values({ workspace_id: workspaceId, plan: 'business', status: 'active' })
    .onConflict((oc) => oc.column('workspace_id').doNothing())
    .execute();
}

beforeAll(async () => {
  test = await createTestDb();
  database.current = test;
  owner = await seedMember(test.db, 'owner');
  other = await seedMember(test.db, 'owner');
  await paid(owner.workspaceId);
  await saveConnectorCredential(test.db, owner.scope, {
    name: 'team-slack',
    connector: 'slack',
    fields: { webhookUrl: SLACK_URL },
  });
});
afterAll(() => test.close());
beforeEach(async () => {
  session.current = owner;
  await test.db.deleteFrom('rate_limits').execute();
});

describe('duplicate', () => {
  it('copies the current version as "<name> (copy)", disabled, in the same workspace, and audits it', async () => {
    const source = await create();
    await workflowRoute.PUT(
      request(`/api/workflows/${source.id}`, {
        method: 'PUT',
        json: { definition: { ...definition(), description: 'Second version' }, expectedVersion: 1 },
      }),
      params({ id: source.id }),
    );
    const response = await duplicate(source.id);
    expect(response.status).toBe(201);
    const copy = (await response.json()) as Created;
    expect(copy).toMatchObject({
      name: 'Order alert (copy)',
      enabled: false,
      currentVersion: 1,
      description: 'Second version',
    });
    expect(copy.id).not.toBe(source.id);
    expect(copy.webhookUrl).not.toBe(source.webhookUrl);
    const row = await test.db
      .selectFrom('workflows')
      .select(['workspace_id', 'enabled'])
      .where('id', '=', copy.id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ workspace_id: owner.workspaceId, enabled: false });
    const audit = await test.db
      .selectFrom('audit_logs')
      .select(['action', 'meta'])
      .where('target_id', '=', copy.id)
      .execute();
    expect(audit).toEqual([
      {
        action: 'workflow.duplicated',
        meta: expect.objectContaining({ name: 'Order alert (copy)', sourceWorkflowId: source.id, sourceVersion: 2 }),
      },
    ]);
  });

  it('takes a chosen name, and keeps a long name within 120 characters', async () => {
    const source = await create(definition('x'.repeat(120)));
    const long = (await (await duplicate(source.id)).json()) as Created;
    expect(long.name).toHaveLength(120);
    expect(long.name.endsWith(' (copy)')).toBe(true);
    const named = (await (await duplicate(source.id, { name: 'Pedidos (copia)' })).json()) as Created;
    expect(named.name).toBe('Pedidos (copia)');
    const tooLong = await duplicate(source.id, { name: 'y'.repeat(121) });
    expect(tooLong.status).toBe(422);
    expect((await tooLong.json()).error.details.issues).toContainEqual(expect.objectContaining({ path: 'name' }));
  });

  it('answers 404 when another workspace duplicates your workflow, and creates nothing', async () => {
    const source = await create();
    session.current = other;
    const response = await duplicate(source.id);
    expect(response.status).toBe(404);
    expect(
      await test.db.selectFrom('workflows').select('id').where('workspace_id', '=', other.workspaceId).execute(),
    ).toEqual([]);
  });

  it('counts the copy against the plan: a free workspace with 5 workflows is told the limit', async () => {
    const free = await seedMember(test.db, 'owner');
    session.current = free;
    const plain = {
      name: 'Five',
      trigger: { type: 'manual' },
      steps: [{ id: 'note', type: 'log', config: { message: 'hi' } }],
    };
    const first = await create(plain);
    for (let i = 0; i < 4; i++) await create(plain);
    const response = await duplicate(first.id);
    expect(response.status).toBe(429);
    expect((await response.json()).error).toMatchObject({
      code: 'limit_reached',
      details: { limit: 'workflows', plan: 'free', used: 5, allowed: 5 },
    });
  });

  it('needs the write scope on an API key', async () => {
    const source = await create();
    const { key } = await createApiKey(test.db, owner.scope, { name: 'reader', scopes: ['read'] });
    session.current = null;
    const response = await duplicateRoute.POST(
      request(`/api/workflows/${source.id}/duplicate`, { method: 'POST', key, json: {} }),
      params({ id: source.id }),
    );
    expect(response.status).toBe(403);
  });
});

describe('export and import', () => {
  it('exports a <slug>.levqor.json attachment without the webhook token, its secret or credential values', async () => {
    const source = await create(definition('Órdenes: Weekly report!'));
    const row = await test.db
      .selectFrom('workflows')
      .select(['webhook_token', 'webhook_secret'])
      .where('id', '=', source.id)
      .executeTakeFirstOrThrow();
    const response = await exportFile(source.id);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toBe(
      'attachment; filename="ordenes-weekly-report.levqor.json"',
    );
    const text = await response.text();
    const file = JSON.parse(text);
    expect(file).toMatchObject({ format: 'levqor.workflow', formatVersion: 1, definition: source.definition });
    expect(Date.parse(file.exportedAt)).not.toBeNaN();
    for (const secret of [
      row.webhook_token,
      row.webhook_secret,
      decryptSecret(row.webhook_secret, owner.workspaceId),
      SLACK_URL,
      'very-secret-path',
    ])
      expect(text).not.toContain(secret);
    expect(file.definition.steps[1].config.credential).toBe('team-slack');
  });

  it('re-imports an exported file as an equivalent, disabled workflow with a new webhook URL, audited', async () => {
    const source = await create();
    const file = await (await exportFile(source.id)).json();
    const response = await importFile(file);
    expect(response.status).toBe(201);
    const imported = (await response.json()) as Created;
    expect(imported).toMatchObject({ name: source.name, enabled: false, currentVersion: 1 });
    expect(imported.definition).toEqual(source.definition);
    expect(imported.webhookUrl).not.toBe(source.webhookUrl);
    const audit = await test.db
      .selectFrom('audit_logs')
      .select('action')
      .where('target_id', '=', imported.id)
      .execute();
    expect(audit.map((entry) => entry.action)).toEqual(['workflow.imported']);
  });

  it('creates an AI proposal switched off (?origin=ai), audited with its origin, while a plain create is on', async () => {
    expect((await create()).enabled).toBe(true);
    const response = await workflowsRoute.POST(
      request('/api/workflows?origin=ai', { method: 'POST', json: definition() }),
    );
    expect(response.status).toBe(201);
    const proposal = (await response.json()) as Created;
    expect(proposal.enabled).toBe(false);
    const audit = await test.db
      .selectFrom('audit_logs')
      .select(['action', 'meta'])
      .where('target_id', '=', proposal.id)
      .executeTakeFirstOrThrow();
    expect(audit).toMatchObject({ action: 'workflow.created', meta: { origin: 'ai' } });
    const unknown = await workflowsRoute.POST(
      request('/api/workflows?origin=robot', { method: 'POST', json: definition() }),
    );
    expect(unknown.status).toBe(422);
  });

  it('imports a file into another workspace, and accepts a bare definition too', async () => {
    const file = await (await exportFile((await create()).id)).json();
    session.current = other;
    await paid(other.workspaceId);
    expect((await importFile(file)).status).toBe(201);
    const bare = await importFile({
      name: 'Bare',
      trigger: { type: 'manual' },
      steps: [{ id: 'note', type: 'log', config: { message: 'hi' } }],
    });
    expect(bare.status).toBe(201);
    expect(await bare.json()).toMatchObject({ name: 'Bare', enabled: false });
  });

  it('refuses a broken file with 422 and the path of each problem inside the file, creating nothing', async () => {
    const before = await test.db
      .selectFrom('workflows')
      .select('id')
      .where('workspace_id', '=', owner.workspaceId)
      .execute();
    const broken = {
      format: 'levqor.workflow',
      formatVersion: 1,
      exportedAt: '2026-12-01T10:00:00.000Z',
      definition: {
        ...definition(),
        steps: [
          { id: 'call', type: 'http_request', config: { url: 'http://169.254.169.254/latest' } },
          { id: 'note', type: 'log', config: {} },
        ],
      },
    };
    const response = await importFile(broken);
    expect(response.status).toBe(422);
    const issues = (await response.json()).error.details.issues;
    expect(issues).toContainEqual(
      expect.objectContaining({ path: 'definition.steps.0.config.url', stepId: 'call', code: 'egress_refused' }),
    );
    expect(issues).toContainEqual(
      expect.objectContaining({ path: 'definition.steps.1.config.message', stepId: 'note' }),
    );

    const wrongVersion = await importFile({ ...broken, formatVersion: 2, definition: definition() });
    expect(wrongVersion.status).toBe(422);
    expect((await wrongVersion.json()).error.details.issues).toEqual([
      expect.objectContaining({ path: 'formatVersion' }),
    ]);

    const bareBroken = await importFile({ name: '', trigger: { type: 'manual' }, steps: [] });
    expect(bareBroken.status).toBe(422);
    expect((await bareBroken.json()).error.details.issues.map((issue: { path: string }) => issue.path).sort()).toEqual([
      'name',
      'steps',
    ]);

    const foreignEvent = await importFile({
      format: 'levqor.workflow',
      formatVersion: 1,
      definition: {
        ...definition(),
        trigger: { type: 'event', event: 'workflow.failed', workflowId: '7b0b3a44-2a59-4d51-9d8a-0c4f00000000' },
      },
    });
    expect(foreignEvent.status).toBe(422);
    expect((await foreignEvent.json()).error.details.issues).toEqual([
      expect.objectContaining({ path: 'definition.trigger.workflowId', code: 'unknown_workflow' }),
    ]);

    expect(
      await test.db.selectFrom('workflows').select('id').where('workspace_id', '=', owner.workspaceId).execute(),
    ).toHaveLength(before.length);
  });
});

describe('delete', () => {
  it('frees the plan slot: on the free plan the 6th workflow can be created after one is deleted', async () => {
    const free = await seedMember(test.db, 'owner');
    session.current = free;
    const plain = {
      name: 'Slot',
      trigger: { type: 'manual' },
      steps: [{ id: 'note', type: 'log', config: { message: 'hi' } }],
    };
    const created = [];
    for (let i = 0; i < 5; i++) created.push(await create(plain));
    const refused = await workflowsRoute.POST(request('/api/workflows', { method: 'POST', json: plain }));
    expect(refused.status).toBe(429);
    expect((await remove(created[0]!.id)).status).toBe(204);
    expect((await workflowsRoute.POST(request('/api/workflows', { method: 'POST', json: plain }))).status).toBe(201);
    const audit = await test.db
      .selectFrom('audit_logs')
      .select('action')
      .where('target_id', '=', created[0]!.id)
      .where('action', '=', 'workflow.deleted')
      .execute();
    expect(audit).toHaveLength(1);
  });

  it('is refused with 409 while a run is in progress, and keeps the workflow, its runs and snapshots', async () => {
    const source = await create();
    const runId = await insertRun(test.db, owner.workspaceId, source.id);
    await insertSnapshot(test.db, owner.workspaceId, source.id, '2026-12-01T10:00:00Z');
    const contents = await countWorkflowContents(test.db, owner.scope, [source.id]);
    expect(contents.get(source.id)).toEqual({ versions: 1, runs: 1, runsInProgress: 1, snapshots: 1 });

    const response = await remove(source.id);
    expect(response.status).toBe(409);
    expect((await response.json()).error.message).toMatch(/runs in progress/);
    expect(
      await test.db.selectFrom('workflows').select('id').where('id', '=', source.id).executeTakeFirst(),
    ).toBeDefined();

    await test.db
      .updateTable('workflow_runs')
      .set({ status: 'cancelled', finished_at: new Date() })
      .where('id', '=', runId)
      .execute();
    expect((await remove(source.id)).status).toBe(204);
    expect(
      await test.db.selectFrom('workflow_runs').select('id').where('workflow_id', '=', source.id).execute(),
    ).toEqual([]);
    expect(
      await test.db.selectFrom('backup_snapshots').select('id').where('workflow_id', '=', source.id).execute(),
    ).toEqual([]);
  });

  it("counts only the caller's workspace's workflows for the confirm dialog", async () => {
    const source = await create();
    expect((await countWorkflowContents(test.db, other.scope, [source.id])).size).toBe(0);
  });
});
