// The team routes end to end through withApi: a key's 403 names its scopes, PATCH /api/api-keys/:id edits them
// (admins only, audited), PATCH /api/workspace renames; neither reaches another tenant.
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { createApiKey } from '@/lib/api-keys/create-api-key';
import { seedMember, type Seeded } from '../accounts/seed';
import { database, params, request, session } from '../helpers/route-request';
import { createTestDb, type TestDb } from '../helpers/test-db';
import { seedWorkflow } from '../workflows/fixtures';

vi.mock('@/db', async () => (await import('../helpers/route-request')).dbModule());
vi.mock('@/lib/auth/session-scope', async () => (await import('../helpers/route-request')).sessionModule());

const keyRoute = await import('@/app/api/api-keys/[id]/route');
const workflowRoute = await import('@/app/api/workflows/[id]/route');
const workspaceRoute = await import('@/app/api/workspace/route');

let test: TestDb;
let ownerA: Seeded;
let memberA: Seeded;
let ownerB: Seeded;

beforeAll(async () => {
  test = await createTestDb();
  database.current = test;
  ownerA = await seedMember(test.db, 'owner');
  memberA = await seedMember(test.db, 'member', ownerA.workspaceId);
  memberA.scope = { ...memberA.scope, scopes: ['read', 'write'] };
  ownerB = await seedMember(test.db, 'owner');
});
afterAll(() => test.close());
beforeEach(() => {
  session.current = ownerA;
});

const patchKey = (id: string, json: unknown) =>
  keyRoute.PATCH(request(`/api/api-keys/${id}`, { method: 'PATCH', json }), params({ id }));

describe('a key without the scope', () => {
  it("says the key's scopes are the cause, which scope is needed, and that an edit of the scopes fixes it", async () => {
    const { id: workflowId } = await seedWorkflow(test.db, ownerA.workspaceId, {
      steps: [{ id: 'note', type: 'log', config: { message: 'hi' } }],
    });
    const { key, apiKey } = await createApiKey(test.db, ownerA.scope, { name: 'CI', scopes: ['read', 'write'] });
    const denied = await workflowRoute.DELETE(
      request(`/api/workflows/${workflowId}`, { method: 'DELETE', key }),
      params({ id: workflowId }),
    );
    expect(denied.status).toBe(403);
    expect((await denied.json()).error.message).toBe(
      "This API key has the read and write scopes; deleting a workflow needs the admin scope. Edit the key's scopes under Settings → API keys.",
    );

    const edited = await patchKey(apiKey.id, { scopes: ['admin', 'read', 'write'] });
    expect(edited.status).toBe(200);
    expect((await edited.json()).scopes).toEqual(['read', 'write', 'admin']);
    const deleted = await workflowRoute.DELETE(
      request(`/api/workflows/${workflowId}`, { method: 'DELETE', key }),
      params({ id: workflowId }),
    );
    expect(deleted.status).toBeLessThan(300);
    const audit = await test.db
      .selectFrom('audit_logs')
      .select('meta')
      .where('action', '=', 'api_key.updated')
      .where('target_id', '=', apiKey.id)
      .executeTakeFirstOrThrow();
    expect(audit.meta).toMatchObject({ scopesBefore: ['read', 'write'], scopes: ['read', 'write', 'admin'] });
  });
});

describe('PATCH /api/api-keys/:id', () => {
  it('renames a key and refuses an empty scope list with the field named', async () => {
    const { apiKey } = await createApiKey(test.db, ownerA.scope, { name: 'Old', scopes: ['read'] });
    expect(await (await patchKey(apiKey.id, { name: ' Zapier ' })).json()).toMatchObject({ name: 'Zapier' });
    const invalid = await patchKey(apiKey.id, { scopes: [] });
    expect(invalid.status).toBe(422);
    expect((await invalid.json()).error.details.issues[0]).toMatchObject({ path: 'scopes' });
  });

  it('refuses members, and a revoked key cannot be edited', async () => {
    const { apiKey } = await createApiKey(test.db, ownerA.scope, { name: 'Member try', scopes: ['read'] });
    session.current = memberA;
    expect((await patchKey(apiKey.id, { scopes: ['read', 'admin'] })).status).toBe(403);
    session.current = ownerA;
    await keyRoute.DELETE(request(`/api/api-keys/${apiKey.id}`, { method: 'DELETE' }), params({ id: apiKey.id }));
    expect((await patchKey(apiKey.id, { scopes: ['read', 'write'] })).status).toBe(409);
  });

  it("cannot touch another workspace's key", async () => {
    const { apiKey } = await createApiKey(test.db, ownerA.scope, { name: 'Private', scopes: ['read'] });
    session.current = ownerB;
    expect((await patchKey(apiKey.id, { scopes: ['read', 'write', 'admin'] })).status).toBe(404);
    const row = await test.db
      .selectFrom('api_keys')
      .select('scopes')
      .where('id', '=', apiKey.id)
      .executeTakeFirstOrThrow();
    expect(row.scopes).toEqual(['read']);
  });
});

describe('PATCH /api/workspace', () => {
  const patchWorkspace = (json: unknown) => workspaceRoute.PATCH(request('/api/workspace', { method: 'PATCH', json }));

  it("renames only the caller's own workspace", async () => {
    session.current = ownerB;
    const response = await patchWorkspace({ name: 'Beta Ltd', approvers: 'members' });
    expect(await response.json()).toMatchObject({ id: ownerB.workspaceId, name: 'Beta Ltd', approvers: 'members' });
    const names = await test.db
      .selectFrom('workspaces')
      .select(['id', 'name', 'approvers'])
      .where('id', 'in', [ownerA.workspaceId, ownerB.workspaceId])
      .execute();
    expect(names.find((w) => w.id === ownerA.workspaceId)).toMatchObject({ name: 'Acme', approvers: 'admins' });
  });

  it('refuses members and an empty name', async () => {
    session.current = memberA;
    expect((await patchWorkspace({ name: 'Members rule' })).status).toBe(403);
    session.current = ownerA;
    expect((await patchWorkspace({ name: '   ' })).status).toBe(422);
    expect((await patchWorkspace({ approvers: 'everyone' })).status).toBe(422);
  });
});
