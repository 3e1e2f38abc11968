import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { createApiKey } from '@/lib/api-keys/create-api-key';
import { getConnectorCredential } from '@/lib/workflows/credentials/get-credential';
import { slackStep } from '@/lib/workflows/steps/slack';
import { startConnectorServer } from '../steps/helpers/connector-server';
import { stepContext } from '../steps/helpers/step-context';
import { seedMember, type Seeded } from '../../accounts/seed';
import { database, params, request, session } from '../../helpers/route-request';
import { createTestDb, type TestDb } from '../../helpers/test-db';

let test: TestDb;

vi.mock('@/db', async () => (await import('../../helpers/route-request')).dbModule());
vi.mock('@/lib/auth/session-scope', async () => (await import('../../helpers/route-request')).sessionModule());

const collection = await import('@/app/api/connectors/credentials/route');
const item = await import('@/app/api/connectors/credentials/[id]/route');

const SLACK_URL = 'https://hooks.slack.com/services/T0001/B0001/s3cr3tW3bh00kPath';
const BOT_TOKEN = '123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw';

let adminA: Seeded;
let memberA: Seeded;
let adminB: Seeded;

const post = (body: unknown, key?: string) =>
  collection.POST(request('/api/connectors/credentials', { method: 'POST', body: JSON.stringify(body), key }));
const list = async () =>
  (await (await collection.GET(request('/api/connectors/credentials'))).json()) as {
    data: { id: string; name: string; connector: string; hint: string | null }[];
  };
const remove = (id: string) =>
  item.DELETE(request(`/api/connectors/credentials/${id}`, { method: 'DELETE' }), params({ id }));

beforeAll(async () => {
  test = await createTestDb();
  database.current = test;
  adminA = await seedMember(test.db, 'admin');
  memberA = await seedMember(test.db, 'member', adminA.workspaceId);
  adminB = await seedMember(test.db, 'owner');
});
afterAll(() => test.close());
beforeEach(async () => {
  session.current = adminA;
  await test.db.deleteFrom('rate_limits').execute();
});

describe('connector credentials', () => {
  it('creates, lists without secrets, and replaces a credential by name', async () => {
    const created = await post({ name: 'team-alerts', connector: 'slack', fields: { webhookUrl: SLACK_URL } });
    expect(created.status).toBe(201);
    const body = await created.json();
    expect(body).toMatchObject({ name: 'team-alerts', connector: 'slack', hint: '…Path' });
    expect(JSON.stringify(body)).not.toContain('s3cr3t');

    const replaced = await post({ name: 'team-alerts', connector: 'telegram', fields: { botToken: BOT_TOKEN } });
    expect(replaced.status).toBe(200);
    expect((await replaced.json()).id).toBe(body.id);

    const { data } = await list();
    expect(data).toEqual([
      expect.objectContaining({ id: body.id, name: 'team-alerts', connector: 'telegram', hint: '…Dsaw' }),
    ]);
    expect(JSON.stringify(data)).not.toContain(BOT_TOKEN);
    expect(await getConnectorCredential(test.db, adminA.workspaceId, 'team-alerts', 'telegram')).toEqual({
      botToken: BOT_TOKEN,
    });
  });

  it('never stores the secret in plaintext, in the row or the audit log', async () => {
    await post({ name: 'ops-slack', connector: 'slack', fields: { webhookUrl: SLACK_URL } });
    const rows = await test.db.selectFrom('connector_credentials').selectAll().execute();
    const audit = await test.db
      .selectFrom('audit_logs')
      .selectAll()
      .where('workspace_id', '=', adminA.workspaceId)
      .execute();
    for (const stored of [JSON.stringify(rows), JSON.stringify(audit)]) {
      expect(stored).not.toContain('s3cr3tW3bh00k');
      expect(stored).not.toContain('AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw');
    }
    expect(rows.every((row) => row.ciphertext.startsWith('v1.'))).toBe(true);
    expect(audit.map((entry) => entry.action)).toEqual(
      expect.arrayContaining(['connector_credential.created', 'connector_credential.replaced']),
    );
  });

  it('gives a step the decrypted fields, and credential_missing for an unknown name or another connector', async () => {
    await post({ name: 'ops-slack', connector: 'slack', fields: { webhookUrl: SLACK_URL } });
    expect(await getConnectorCredential(test.db, adminA.workspaceId, 'ops-slack', 'slack')).toEqual({
      webhookUrl: SLACK_URL,
    });
    await expect(getConnectorCredential(test.db, adminA.workspaceId, 'ops-slack', 'notion')).rejects.toMatchObject({
      code: 'credential_missing',
      retryable: false,
    });
    await expect(getConnectorCredential(test.db, adminA.workspaceId, 'nobody', 'slack')).rejects.toMatchObject({
      code: 'credential_missing',
      retryable: false,
    });
  });

  it('refuses members and read-only API keys the right to manage credentials, but shows them the names', async () => {
    session.current = memberA;
    const refused = await post({ name: 'sneaky', connector: 'webhook', fields: { secret: 'a-long-enough-secret' } });
    expect(refused.status).toBe(403);
    expect((await list()).data.map((credential) => credential.name)).toContain('ops-slack');
    const { key } = await createApiKey(test.db, adminA.scope, { name: 'read only', scopes: ['read'] });
    session.current = null;
    expect(
      (await post({ name: 'sneaky', connector: 'webhook', fields: { secret: 'a-long-enough-secret' } }, key)).status,
    ).toBe(403);
    expect(
      await test.db.selectFrom('connector_credentials').select('id').where('name', '=', 'sneaky').execute(),
    ).toEqual([]);
  });

  it.each([
    [{ name: 'x', connector: 'slack', fields: { webhookUrl: 'not a url' } }, 'fields.webhookUrl'],
    [{ name: 'x', connector: 'telegram', fields: { botToken: 'abc' } }, 'fields.botToken'],
    [{ name: 'x', connector: 'webhook', fields: { secret: 'short' } }, 'fields.secret'],
    [{ name: 'x', connector: 'dropbox', fields: {} }, 'connector'],
    [{ name: '', connector: 'notion', fields: { token: 'ntn_abcdefghijklmnopqrstuvwxyz' } }, 'name'],
    [{ name: 'x', connector: 'notion', fields: { token: 'ntn_abcdefghijklmnopqrstuvwxyz', extra: 'y' } }, 'fields'],
  ])('answers 422 for %j', async (body, path) => {
    const response = await post(body);
    expect(response.status).toBe(422);
    const issues = (await response.json()).error.details.issues as { path: string }[];
    expect(issues.map((issue) => issue.path)).toContain(path);
  });
});

describe('tenant isolation', () => {
  it('keeps workspace B away from A’s credential: not listed, not deletable (404), not usable by B’s steps', async () => {
    const created = await (
      await post({ name: 'a-only', connector: 'notion', fields: { token: 'ntn_abcdefghijklmnopqrstuvwxyz' } })
    ).json();
    session.current = adminB;
    expect((await list()).data).toEqual([]);
    const response = await remove(created.id);
    expect(response.status).toBe(404);
    expect((await response.json()).error.code).toBe('not_found');
    await expect(getConnectorCredential(test.db, adminB.workspaceId, 'a-only', 'notion')).rejects.toMatchObject({
      code: 'credential_missing',
    });
    expect(
      await test.db.selectFrom('connector_credentials').select('id').where('id', '=', created.id).execute(),
    ).toHaveLength(1);
  });

  it('refuses a ciphertext copied into another workspace (bound to the workspace id)', async () => {
    const row = await test.db
      .selectFrom('connector_credentials')
      .selectAll()
      .where('name', '=', 'a-only')
      .executeTakeFirstOrThrow();
    await test.db
      .insertInto('connector_credentials')
      .values({
        workspace_id: adminB.workspaceId,
        name: 'stolen',
        connector: 'notion',
        ciphertext: row.ciphertext,
        hint: null,
      })
      .execute();
    await expect(getConnectorCredential(test.db, adminB.workspaceId, 'stolen', 'notion')).rejects.toMatchObject({
      code: 'credential_unreadable',
      retryable: false,
    });
  });

  it('lets an admin delete the workspace’s own credential, after which steps get credential_missing', async () => {
    const created = await (
      await post({ name: 'to-delete', connector: 'webhook', fields: { secret: 'a-long-enough-secret' } })
    ).json();
    const response = await remove(created.id);
    expect(response.status).toBe(200);
    expect((await remove(created.id)).status).toBe(404);
    await expect(getConnectorCredential(test.db, adminA.workspaceId, 'to-delete', 'webhook')).rejects.toMatchObject({
      code: 'credential_missing',
    });
    const audit = await test.db
      .selectFrom('audit_logs')
      .select('action')
      .where('target_id', '=', created.id)
      .orderBy('id')
      .execute();
    expect(audit.map((entry) => entry.action)).toEqual([
      'connector_credential.created',
      'connector_credential.deleted',
    ]);
  });
});

describe('a step using a stored credential', () => {
  it('posts to Slack with the webhook URL decrypted for its own workspace only', async () => {
    const slack = await startConnectorServer();
    try {
      await post({
        name: 'local-slack',
        connector: 'slack',
        fields: { webhookUrl: `${slack.url}/services/T1/B1/abcdefgh` },
      });
      const forWorkspace = (workspaceId: string) => {
        const ctx = stepContext({ db: test.db });
        return {
          ...ctx,
          workspaceId,
          services: {
            ...ctx.services,
            credential: (name: string, connector: string) =>
              getConnectorCredential(test.db, workspaceId, name, connector),
          },
        };
      };
      const config = slackStep.configSchema.parse({ credential: 'local-slack', text: 'Deployed' });
      expect(await slackStep.execute(config, forWorkspace(adminA.workspaceId))).toEqual({
        kind: 'output',
        output: { delivered: true },
      });
      expect(slack.last()).toMatchObject({ url: '/services/T1/B1/abcdefgh', body: '{"text":"Deployed"}' });
      await expect(slackStep.execute(config, forWorkspace(adminB.workspaceId))).rejects.toMatchObject({
        code: 'credential_missing',
        retryable: false,
      });
      expect(slack.received).toHaveLength(1);
    } finally {
      await slack.close();
    }
  });
});
