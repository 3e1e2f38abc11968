// Settings → Connections: "Test connection" against local stand-ins, "used by", tenant isolation and member rights.
import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { listCredentialUsage } from '@/lib/workflows/credentials/list-credential-usage';
import { seedMember, type Seeded } from '../../accounts/seed';
import { database, params, request, session } from '../../helpers/route-request';
import { createTestDb, type TestDb } from '../../helpers/test-db';
import { seedWorkflow } from '../fixtures';
import { startConnectorServer } from '../steps/helpers/connector-server';

// NOTE: getEnv() reads these once, so the stand-in starts before anything reads the environment.
const standIn = await startConnectorServer();
process.env.TELEGRAM_API_BASE = standIn.url;
process.env.NOTION_API_BASE = standIn.url;
process.env.GOOGLE_SHEETS_API_BASE = standIn.url;
process.env.WORKFLOW_EGRESS_ALLOWLIST = '127.0.0.1';

vi.mock('@/db', async () => (await import('../../helpers/route-request')).dbModule());
vi.mock('@/lib/auth/session-scope', async () => (await import('../../helpers/route-request')).sessionModule());

const collection = await import('@/app/api/connectors/credentials/route');
const item = await import('@/app/api/connectors/credentials/[id]/route');
const testRoute = await import('@/app/api/connectors/credentials/[id]/test/route');

const BOT_TOKEN = '123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw';
const NOTION_TOKEN = 'ntn_abcdefghijklmnopqrstuvwxyz0123';
const SECRET = 'a-long-enough-signing-secret';

let test: TestDb;
let adminA: Seeded;
let memberA: Seeded;
let adminB: Seeded;

type TestBody = { ok: boolean; status: number | null; code: string; message: string };

async function save(body: unknown): Promise<{ id: string }> {
  const response = await collection.POST(request('/api/connectors/credentials', { method: 'POST', json: body }));
  expect(response.status).toBeLessThan(300);
  return (await response.json()) as { id: string };
}
const testConnection = (id: string) =>
  testRoute.POST(request(`/api/connectors/credentials/${id}/test`, { method: 'POST' }), params({ id }));
const testBody = async (id: string) => {
  const response = await testConnection(id);
  expect(response.status).toBe(200);
  return (await response.json()) as TestBody;
};

beforeAll(async () => {
  test = await createTestDb();
  database.current = test;
  adminA = await seedMember(test.db, 'admin');
  memberA = await seedMember(test.db, 'member', adminA.workspaceId);
  adminB = await seedMember(test.db, 'owner');
});
afterAll(async () => {
  await standIn.close();
  await test.close();
});
beforeEach(async () => {
  session.current = adminA;
  await test.db.deleteFrom('rate_limits').execute();
});

describe('Test connection', () => {
  it('calls Telegram getMe with the stored token and names the bot', async () => {
    const { id } = await save({ name: 'ops-bot', connector: 'telegram', fields: { botToken: BOT_TOKEN } });
    standIn.answer({ status: 200, body: { ok: true, result: { id: 1, is_bot: true, username: 'levqor_ops_bot' } } });
    const body = await testBody(id);
    expect(body).toMatchObject({ ok: true, status: 200, code: 'telegramOk' });
    expect(body.message).toBe('Telegram accepted the token: bot @levqor_ops_bot');
    expect(standIn.last()).toMatchObject({ method: 'GET', url: `/bot${BOT_TOKEN}/getMe` });
  });

  it('reports a refused Telegram token as ok:false (200) without repeating the token', async () => {
    const { id } = await save({ name: 'ops-bot', connector: 'telegram', fields: { botToken: BOT_TOKEN } });
    standIn.answer({ status: 401, body: { ok: false, error_code: 401, description: 'Unauthorized' } });
    const body = await testBody(id);
    expect(body).toMatchObject({ ok: false, status: 401, code: 'refused' });
    expect(JSON.stringify(body)).not.toContain(BOT_TOKEN);
  });

  it('calls Notion GET /v1/users/me with the secret as a bearer token', async () => {
    const { id } = await save({ name: 'wiki', connector: 'notion', fields: { token: NOTION_TOKEN } });
    standIn.answer({ status: 200, body: { object: 'user', type: 'bot', name: 'Levqor wiki' } });
    expect(await testBody(id)).toMatchObject({
      ok: true,
      code: 'notionOk',
      message: expect.stringContaining('Levqor wiki'),
    });
    expect(standIn.last()).toMatchObject({ method: 'GET', url: '/v1/users/me' });
    expect(standIn.last().headers.authorization).toBe(`Bearer ${NOTION_TOKEN}`);
  });

  it('treats a Google 404 for the probe spreadsheet as a working token, and 401 as an expired one', async () => {
    const { id } = await save({
      name: 'sheet',
      connector: 'google_sheets',
      fields: { accessToken: 'ya29.a0-token-x' },
    });
    standIn.answer({ status: 404, body: { error: { status: 'NOT_FOUND' } } });
    expect(await testBody(id)).toMatchObject({ ok: true, code: 'googleSheetsOk' });
    expect(standIn.last().method).toBe('GET');
    standIn.answer({ status: 401, body: { error: { status: 'UNAUTHENTICATED' } } });
    expect(await testBody(id)).toMatchObject({ ok: false, status: 401, code: 'googleSheetsExpired' });
  });

  it('posts a labelled test message to a Slack incoming webhook', async () => {
    const { id } = await save({
      name: 'alerts',
      connector: 'slack',
      fields: { webhookUrl: `${standIn.url}/services/T1/B1/x` },
    });
    standIn.answer({ status: 200, body: 'ok' });
    expect(await testBody(id)).toMatchObject({ ok: true, code: 'slackOk' });
    expect(JSON.parse(standIn.last().body).text).toContain('Levqor connection test');
  });

  it('sends a signed levqor.test ping to a signed webhook, and asks for a URL when none is stored', async () => {
    const { id } = await save({
      name: 'hook',
      connector: 'webhook',
      fields: { secret: SECRET, url: `${standIn.url}/hook` },
    });
    standIn.answer({ status: 204, body: '' });
    expect(await testBody(id)).toMatchObject({ ok: true, code: 'webhookOk' });
    const ping = standIn.last();
    expect(JSON.parse(ping.body).type).toBe('levqor.test');
    const expected = `sha256=${createHmac('sha256', SECRET).update(ping.body).digest('hex')}`;
    expect(ping.headers['x-levqor-signature']).toBe(expected);

    const bare = await save({ name: 'hook-no-url', connector: 'webhook', fields: { secret: SECRET } });
    expect(await testBody(bare.id)).toMatchObject({ ok: false, status: null, code: 'webhookNoUrl' });
  });

  it('says clearly when the service cannot be reached, still as a 200', async () => {
    const { id } = await save({ name: 'gone', connector: 'slack', fields: { webhookUrl: 'http://127.0.0.1:1/hook' } });
    const body = await testBody(id);
    expect(body).toMatchObject({
      ok: false,
      status: null,
      code: 'unreachable',
      message: 'Could not reach 127.0.0.1:1',
    });
  });
});

describe('who may see, test and change connections', () => {
  it('hides workspace A’s connection from workspace B: not listed, not testable, not deletable', async () => {
    const { id } = await save({ name: 'a-secret', connector: 'notion', fields: { token: NOTION_TOKEN } });
    session.current = adminB;
    const listed = (await (await collection.GET(request('/api/connectors/credentials'))).json()) as { data: unknown[] };
    expect(listed.data).toEqual([]);
    const before = standIn.received.length;
    expect((await testConnection(id)).status).toBe(404);
    expect(standIn.received.length).toBe(before);
    const removed = await item.DELETE(
      request(`/api/connectors/credentials/${id}`, { method: 'DELETE' }),
      params({ id }),
    );
    expect(removed.status).toBe(404);
    expect(await test.db.selectFrom('connector_credentials').select('id').where('id', '=', id).execute()).toHaveLength(
      1,
    );
  });

  it('lets a member see the names but not edit, test or delete', async () => {
    const { id } = await save({ name: 'team', connector: 'telegram', fields: { botToken: BOT_TOKEN } });
    session.current = memberA;
    const listed = (await (await collection.GET(request('/api/connectors/credentials'))).json()) as {
      data: { name: string }[];
    };
    expect(listed.data.map((row) => row.name)).toContain('team');
    const edit = await collection.POST(
      request('/api/connectors/credentials', {
        method: 'POST',
        json: {
          name: 'team',
          connector: 'telegram',
          fields: { botToken: '987654321:BBHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw' },
        },
      }),
    );
    expect(edit.status).toBe(403);
    expect((await testConnection(id)).status).toBe(403);
    expect(
      (await item.DELETE(request(`/api/connectors/credentials/${id}`, { method: 'DELETE' }), params({ id }))).status,
    ).toBe(403);
  });

  it('answers 404 for an id that is not a uuid', async () => {
    expect((await testConnection('not-a-uuid')).status).toBe(404);
  });
});

describe('used by', () => {
  it('lists the workflows whose current definition names a connection, per workspace', async () => {
    const step = (id: string, type: 'telegram' | 'webhook', config: Record<string, unknown>) => ({ id, type, config });
    const alerts = await seedWorkflow(test.db, adminA.workspaceId, {
      name: 'Order alerts',
      steps: [step('tell', 'telegram', { credential: 'team', chatId: '-100123', text: 'New order' })],
    });
    await seedWorkflow(test.db, adminA.workspaceId, {
      name: 'Ping partner',
      steps: [step('ping', 'webhook', { url: 'https://example.com/in', signingCredential: 'hook' })],
    });
    await seedWorkflow(test.db, adminB.workspaceId, {
      name: 'Other tenant',
      steps: [step('tell', 'telegram', { credential: 'team', chatId: '-100123', text: 'x' })],
    });
    const usage = await listCredentialUsage(test.db, adminA.scope);
    expect(usage.get('team')).toEqual([{ workflowId: alerts.id, workflowName: 'Order alerts' }]);
    expect(usage.get('hook')?.map((use) => use.workflowName)).toEqual(['Ping partner']);
    expect(usage.get('nobody')).toBeUndefined();
  });
});
