// GET /api/v1/connections: the workspace's connections a page at a time, never a secret, never another workspace's.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createApiKey } from '@/lib/api-keys/create-api-key';
import { saveConnectorCredential } from '@/lib/workflows/credentials/save-credential';
import { GET as listConnections } from '@/app/api/v1/connections/route';
import { seedMember } from '../../accounts/seed';
import { database } from '../../helpers/route-request';
import { createTestDb, type TestDb } from '../../helpers/test-db';
import { callRoute, contractSuite, operationsOfTag } from '../../helpers/v1-contract';

vi.mock('@/db', async () => (await import('../../helpers/route-request')).dbModule());

let test: TestDb;
let key: string;
const suite = contractSuite();
const SECRET = 'https://hooks.slack.com/services/T000/B000/abcdefSECRETwxyz';

beforeAll(async () => {
  test = await createTestDb();
  database.current = test;
  const owner = await seedMember(test.db, 'owner');
  key = (await createApiKey(test.db, owner.scope, { name: 'ci', scopes: ['read'] })).key;
  for (const name of ['alpha', 'bravo', 'charlie', 'delta', 'echo'])
    await saveConnectorCredential(test.db, owner.scope, { name, connector: 'slack', fields: { webhookUrl: SECRET } });
  const other = await seedMember(test.db, 'owner');
  await saveConnectorCredential(test.db, other.scope, {
    name: 'other-tenant',
    connector: 'slack',
    fields: { webhookUrl: SECRET },
  });
});

afterAll(async () => {
  suite.expectCovered(operationsOfTag('Connections'), 'own');
  await test?.close();
});

describe('GET /api/v1/connections', () => {
  it('pages through every connection of the workspace by name, and only those', async () => {
    const names: string[] = [];
    let cursor: string | null = null;
    do {
      const query: string = cursor ? `?limit=2&cursor=${encodeURIComponent(cursor)}` : '?limit=2';
      const page = await suite.check(
        'listConnections',
        await callRoute(listConnections, `/api/v1/connections${query}`, { key }),
      );
      expect(page.data.length).toBeLessThanOrEqual(2);
      names.push(...page.data.map((connection: { name: string }) => connection.name));
      cursor = page.nextCursor;
    } while (cursor);
    expect(names).toEqual(['alpha', 'bravo', 'charlie', 'delta', 'echo']);
  });

  it('never returns a secret, only its last four characters', async () => {
    const response = await callRoute(listConnections, '/api/v1/connections', { key });
    const text = await response.clone().text();
    expect(text).not.toContain('SECRET');
    const page = await suite.check('listConnections', response);
    expect(page.data[0]).toMatchObject({ connector: 'slack', hint: '…wxyz' });
  });

  it('refuses a cursor it did not issue, naming the field', async () => {
    const response = await callRoute(listConnections, '/api/v1/connections?cursor=not-a-cursor', { key });
    expect(response.status).toBe(422);
    const body = await suite.check('listConnections', response);
    expect(body.error.details.issues[0].path).toBe('cursor');
  });
});
