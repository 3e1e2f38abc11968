// /api/v1/templates: the library a page at a time (filters, languages), one template, and "use" creating a disabled
// workflow with its setup checklist, replayed by an Idempotency-Key; another workspace's private template is not found.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { hashRequest } from '@/lib/api/v1/idempotency';
import { catalogTemplates } from '@/lib/templates';
import { GET as listTemplates } from '@/app/api/v1/templates/route';
import { GET as getTemplate } from '@/app/api/v1/templates/[slug]/route';
import { POST as useTemplate } from '@/app/api/v1/templates/[slug]/use/route';
import { database } from '../../helpers/route-request';
import { createTestDb, type TestDb } from '../../helpers/test-db';
import { callRoute, contractSuite, operationsOfTag, resetRateLimits, seedApiCaller } from '../../helpers/v1-contract';

vi.mock('@/db', async () => (await import('../../helpers/route-request')).dbModule());

let test: TestDb;
let caller: Awaited<ReturnType<typeof seedApiCaller>>;
const suite = contractSuite();
const SLACK_TEMPLATE = 'failed-payment-slack-alert';
const PRIVATE_SLUG = 'other-team-private-report-a1b2c3';

beforeAll(async () => {
  test = await createTestDb();
  database.current = test;
  caller = await seedApiCaller(test.db);
  const other = await seedApiCaller(test.db);
  await test.db
    .insertInto('workflow_templates')
    .values({
      workspace_id: other.workspaceId,
      slug: PRIVATE_SLUG,
      title: 'Private report',
      summary: 'Only for the other workspace.',
      definition: JSON.stringify(catalogTemplates[0]!.definition),
      visibility: 'workspace',
      status: 'private',
    })
    .execute();
});

afterAll(async () => {
  suite.expectCovered(operationsOfTag('Templates'), 'own');
  await test?.close();
});

type Card = { slug: string; category: string; title: string; summary: string; apps: string[] };

async function listAll(query: string): Promise<Card[]> {
  const cards: Card[] = [];
  let cursor: string | null = null;
  do {
    const path: string = `/api/v1/templates?limit=5${query}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
    const page = await suite.check('listTemplates', await callRoute(listTemplates, path, { key: caller.keys.read }));
    expect(page.data.length).toBeLessThanOrEqual(5);
    cards.push(...page.data);
    cursor = page.nextCursor;
  } while (cursor);
  return cards;
}

describe('GET /api/v1/templates', () => {
  it('pages through the whole built-in library once each, and never lists a private shared template', async () => {
    const slugs = (await listAll('')).map((card) => card.slug);
    expect(slugs).toEqual(catalogTemplates.map((template) => template.slug));
    expect(slugs).not.toContain(PRIVATE_SLUG);
  });

  it('filters by category and by words in the title, summary or apps', async () => {
    const alerts = await listAll('&category=alerts');
    expect(alerts.length).toBeGreaterThan(0);
    expect(alerts.every((card) => card.category === 'alerts')).toBe(true);
    const slack = await listAll('&q=SLACK');
    expect(slack.map((card) => card.slug)).toContain(SLACK_TEMPLATE);
    expect(
      slack.every((card) => [card.title, card.summary, ...card.apps].join(' ').toLowerCase().includes('slack')),
    ).toBe(true);
    expect(await listAll('&q=no-template-says-this')).toEqual([]);
  });

  it('answers in the language asked for', async () => {
    const french = await listAll('&locale=fr&q=slack');
    expect(french.find((card) => card.slug === SLACK_TEMPLATE)?.title).toBe('Paiement échoué → alerte Slack');
  });

  it('refuses a cursor it did not issue, naming the field', async () => {
    const response = await callRoute(listTemplates, '/api/v1/templates?cursor=WyJ4Il0', { key: caller.keys.read });
    const body = await suite.check('listTemplates', response);
    expect(response.status).toBe(422);
    expect(body.error.details.issues[0].path).toBe('cursor');
  });
});

describe('GET /api/v1/templates/{slug}', () => {
  it('refuses a language it does not have, naming the field', async () => {
    const response = await callRoute(getTemplate, `/api/v1/templates/${SLACK_TEMPLATE}?locale=xx`, {
      key: caller.keys.read,
      params: { slug: SLACK_TEMPLATE },
    });
    expect(response.status).toBe(422);
    expect((await suite.check('getTemplate', response)).error.details.issues[0].path).toBe('locale');
  });

  it('returns a template with its steps in plain words and its definition', async () => {
    const response = await callRoute(getTemplate, `/api/v1/templates/${SLACK_TEMPLATE}`, {
      key: caller.keys.read,
      params: { slug: SLACK_TEMPLATE },
    });
    const template = await suite.check('getTemplate', response);
    expect(response.status).toBe(200);
    expect(template.steps.length).toBe(template.stepCount);
    expect(template.steps.every((step: { description: string | null }) => step.description)).toBe(true);
    expect(template.definition.steps.length).toBe(template.stepCount);
    expect(template.connectors).toContainEqual(expect.objectContaining({ type: 'slack' }));
  });

  it("answers 404 for a slug no template has, and for another workspace's private template", async () => {
    for (const slug of ['no-such-template', PRIVATE_SLUG]) {
      const response = await callRoute(getTemplate, `/api/v1/templates/${slug}`, {
        key: caller.keys.read,
        params: { slug },
      });
      expect(response.status).toBe(404);
      await suite.check('getTemplate', response);
    }
  });
});

describe('POST /api/v1/templates/{slug}/use', () => {
  const use = (slug: string, json: unknown, key = caller.keys.write, headers: Record<string, string> = {}) =>
    callRoute(useTemplate, `/api/v1/templates/${slug}/use`, { method: 'POST', key, json, params: { slug }, headers });

  it('creates the workflow switched off, with the connections it needs on its checklist', async () => {
    const response = await use(SLACK_TEMPLATE, { name: 'Failed payments to #billing' });
    expect(response.status).toBe(201);
    const workflow = await suite.check('useTemplate', response);
    expect(workflow).toMatchObject({ name: 'Failed payments to #billing', enabled: false });
    expect(workflow.setup.items).toContainEqual(expect.objectContaining({ kind: 'connection', done: false }));
    const row = await test.db
      .selectFrom('workflows')
      .select(['enabled', 'workspace_id'])
      .where('id', '=', workflow.id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ enabled: false, workspace_id: caller.workspaceId });
  });

  it('replays the first answer for a repeated Idempotency-Key instead of copying twice', async () => {
    await resetRateLimits(test.db);
    const headers = { 'idempotency-key': 'use-template-once' };
    const first = await suite.check('useTemplate', await use(SLACK_TEMPLATE, {}, caller.keys.write, headers));
    const again = await use(SLACK_TEMPLATE, {}, caller.keys.write, headers);
    expect(again.status).toBe(201);
    expect((await suite.check('useTemplate', again)).id).toBe(first.id);
    const copies = await test.db
      .selectFrom('workflows')
      .select('id')
      .where('workspace_id', '=', caller.workspaceId)
      .where('name', '=', first.name)
      .execute();
    expect(copies).toHaveLength(1);
    const reused = await use(SLACK_TEMPLATE, { name: 'Another name' }, caller.keys.write, headers);
    expect((await suite.check('useTemplate', reused)).error.code).toBe('idempotency_key_reused');
  });

  it('answers 409 while the first request with the same Idempotency-Key is still running', async () => {
    const path = `/api/v1/templates/${SLACK_TEMPLATE}/use`;
    await test.db
      .insertInto('idempotency_keys')
      .values({
        workspace_id: caller.workspaceId,
        key: 'use-running',
        operation_id: 'useTemplate',
        request_hash: hashRequest('POST', path, {}),
        status: 'pending',
        created_at: new Date(),
      })
      .execute();
    const response = await use(SLACK_TEMPLATE, {}, caller.keys.write, { 'idempotency-key': 'use-running' });
    expect(response.status).toBe(409);
    expect((await suite.check('useTemplate', response)).error.code).toBe('idempotency_key_in_use');
  });

  it("answers 404 for another workspace's private template and for a slug no template has", async () => {
    for (const slug of [PRIVATE_SLUG, 'no-such-template']) {
      const response = await use(slug, {});
      expect(response.status).toBe(404);
      await suite.check('useTemplate', response);
    }
  });

  it("refuses a copy past the plan's workflow limit", async () => {
    const full = await seedApiCaller(test.db);
    await test.db
      .insertInto('billing_accounts')
      .values({
        workspace_id: full.workspaceId,
        plan: 'starter',
        status: 'active',
        limit_overrides: JSON.stringify({ workflows: 0 }),
      })
      .execute();
    const response = await use(SLACK_TEMPLATE, {}, full.keys.write);
    expect(response.status).toBe(429);
    expect((await suite.check('useTemplate', response)).error.code).toBe('limit_reached');
  });
});
