// /api/v1/workflows: list (keyset pages, filters), get with ETag, create (idempotent, plan limit), update (If-Match,
// expectedVersion), delete, enable/disable, validate, versions, export → import, and other workspaces invisible.
import { sql } from 'kysely';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { hashRequest } from '@/lib/api/v1/idempotency';
import { createWorkflow } from '@/lib/workflows/create-workflow';
import { workflowDefinitionSchema, type WorkflowDefinitionInput } from '@/lib/workflows/definition';
import { exampleDefinition } from '@/lib/workflows/schemas';
import * as collection from '@/app/api/v1/workflows/route';
import * as item from '@/app/api/v1/workflows/[id]/route';
import * as enableRoute from '@/app/api/v1/workflows/[id]/enable/route';
import * as disableRoute from '@/app/api/v1/workflows/[id]/disable/route';
import * as validateRoute from '@/app/api/v1/workflows/validate/route';
import * as importRoute from '@/app/api/v1/workflows/import/route';
import * as versionsRoute from '@/app/api/v1/workflows/[id]/versions/route';
import * as versionRoute from '@/app/api/v1/workflows/[id]/versions/[version]/route';
import * as exportRoute from '@/app/api/v1/workflows/[id]/export/route';
import { seedWorkflow } from '../../workflows/fixtures';
import { database } from '../../helpers/route-request';
import { createTestDb, type TestDb } from '../../helpers/test-db';
import { callRoute, contractSuite, operationsOfTag, resetRateLimits, seedApiCaller } from '../../helpers/v1-contract';

vi.mock('@/db', async () => (await import('../../helpers/route-request')).dbModule());

type Caller = Awaited<ReturnType<typeof seedApiCaller>>;
let test: TestDb;
let owner: Caller;
let other: Caller;
const suite = contractSuite();

/** A definition that is ready to switch on: started by hand, one log step. */
const ready = (name: string, extra: Partial<WorkflowDefinitionInput> = {}): WorkflowDefinitionInput => ({
  name,
  trigger: { type: 'manual' },
  steps: [{ id: 'note', type: 'log', config: { message: `Hello from ${name}` } }],
  ...extra,
});

async function paid(workspaceId: string) {
  await test.db
    .insertInto('billing_accounts')
    .values({ workspace_id: workspaceId, plan: 'business', status: 'active' })
    .execute();
}

const create = (json: unknown, key = owner.keys.write, headers: Record<string, string> = {}) =>
  callRoute(collection.POST, '/api/v1/workflows', { method: 'POST', key, json, headers });
const get = (id: string, key = owner.keys.read) =>
  callRoute(item.GET, `/api/v1/workflows/${id}`, { key, params: { id } });

async function created(definition: unknown): Promise<{ id: string; currentVersion: number }> {
  return suite.check('createWorkflow', await create(definition));
}

beforeAll(async () => {
  test = await createTestDb();
  database.current = test;
  owner = await seedApiCaller(test.db);
  other = await seedApiCaller(test.db);
  await paid(owner.workspaceId);
  await paid(other.workspaceId);
});

beforeEach(async () => {
  await resetRateLimits(test.db);
});

afterAll(async () => {
  suite.expectCovered(operationsOfTag('Workflows'), 'own');
  await test?.close();
});

describe('GET /api/v1/workflows', () => {
  let lister: Caller;
  const listAll = async (query: string) => {
    const ids: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { data: { id: string }[]; nextCursor: string | null } = await suite.check(
        'listWorkflows',
        await callRoute(
          collection.GET,
          `/api/v1/workflows?${query}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
          {
            key: lister.keys.read,
          },
        ),
      );
      ids.push(...page.data.map((workflow) => workflow.id));
      cursor = page.nextCursor;
    } while (cursor);
    return ids;
  };

  beforeAll(async () => {
    lister = await seedApiCaller(test.db);
    await paid(lister.workspaceId);
    for (const name of ['Alpha', 'Bravo', 'Charlie', 'Delta', 'Echo', 'Foxtrot', 'Golf'])
      await createWorkflow(test.db, lister.scope, ready(`${name} report`));
    await createWorkflow(test.db, lister.scope, {
      ...ready('Nightly backup'),
      trigger: { type: 'schedule', cron: '0 2 * * *', timezone: 'Europe/London' },
    });
    await createWorkflow(test.db, lister.scope, { ...ready('Order hook'), trigger: { type: 'webhook' } });
    // NOTE: five changed in the same instant (to the microsecond), the rest around them.
    await sql`update workflows set updated_at = '2020-01-01T10:00:00.123456Z', enabled = false
      where workspace_id = ${lister.workspaceId} and name in ('Alpha report', 'Bravo report', 'Charlie report', 'Delta report', 'Echo report')`.execute(
      test.db,
    );
    await sql`update workflows set updated_at = '2020-01-01T10:00:00.123999Z'
      where workspace_id = ${lister.workspaceId} and name = 'Foxtrot report'`.execute(test.db);
    await sql`update workflows set updated_at = '2020-01-01T10:00:00.123001Z'
      where workspace_id = ${lister.workspaceId} and name = 'Golf report'`.execute(test.db);
  });

  it('pages through workflows changed in the same instant without skipping or repeating one', async () => {
    const expected = await test.db
      .selectFrom('workflows')
      .select('id')
      .where('workspace_id', '=', lister.workspaceId)
      .orderBy('updated_at', 'desc')
      .orderBy('id', 'desc')
      .execute();
    for (const limit of [1, 2, 3]) {
      const ids = await listAll(`limit=${limit}`);
      expect(ids).toEqual(expected.map((row) => row.id));
      expect(new Set(ids).size).toBe(9);
    }
  });

  it('answers each workflow with its trigger, webhook URL and next scheduled run', async () => {
    const page = await suite.check(
      'listWorkflows',
      await callRoute(collection.GET, '/api/v1/workflows?limit=2', { key: lister.keys.read }),
    );
    const byName = Object.fromEntries(page.data.map((workflow: { name: string }) => [workflow.name, workflow]));
    expect(byName['Order hook']).toMatchObject({
      trigger: { type: 'webhook' },
      webhookUrl: expect.stringContaining('/api/hooks/wh_'),
    });
    expect(byName['Nightly backup']).toMatchObject({
      trigger: { type: 'schedule', cron: '0 2 * * *', timezone: 'Europe/London' },
      webhookUrl: null,
      nextRunAt: expect.any(String),
    });
  });

  it('filters by name, state and trigger type', async () => {
    const names = async (query: string) => {
      const ids = await listAll(query);
      const rows = await test.db
        .selectFrom('workflows')
        .select(['id', 'name'])
        .where('id', 'in', ids.length ? ids : ['00000000-0000-0000-0000-000000000000'])
        .execute();
      return ids.map((id) => rows.find((row) => row.id === id)!.name);
    };
    expect(await names('q=REPORT&enabled=false&limit=2')).toEqual(
      expect.arrayContaining(['Alpha report', 'Bravo report', 'Charlie report', 'Delta report', 'Echo report']),
    );
    expect(await names('q=REPORT&enabled=false')).toHaveLength(5);
    expect(await names('enabled=true&triggerType=manual')).toEqual(['Foxtrot report', 'Golf report']);
    expect(await names('triggerType=schedule')).toEqual(['Nightly backup']);
    expect(await names('q=50%25')).toEqual([]);
  });

  it('refuses a cursor it did not issue, naming the field', async () => {
    const forged = Buffer.from(JSON.stringify(['2026-12-01T10:00:00.123Z', 'x'])).toString('base64url');
    for (const cursor of ['nope', forged]) {
      const response = await callRoute(collection.GET, `/api/v1/workflows?cursor=${cursor}`, { key: lister.keys.read });
      expect(response.status).toBe(422);
      expect((await suite.check('listWorkflows', response)).error.details.issues[0].path).toBe('cursor');
    }
  });
});

describe('GET /api/v1/workflows/{id}', () => {
  it('answers the workflow with its definition and its version as the ETag', async () => {
    const { id } = await created(ready('Weekly digest'));
    const response = await get(id);
    expect(response.headers.get('etag')).toBe('"1"');
    const workflow = await suite.check('getWorkflow', response);
    expect(workflow).toMatchObject({ id, name: 'Weekly digest', currentVersion: 1, trigger: { type: 'manual' } });
    expect(workflow.definition.steps).toEqual([
      { id: 'note', type: 'log', config: { message: 'Hello from Weekly digest' } },
    ]);
  });
});

describe('POST /api/v1/workflows', () => {
  it('creates the workflow: 201 with Location and ETag, switched on, readable at that location', async () => {
    const response = await create(exampleDefinition);
    expect(response.status).toBe(201);
    const workflow = await suite.check('createWorkflow', response);
    expect(response.headers.get('location')).toBe(`/api/v1/workflows/${workflow.id}`);
    expect(response.headers.get('etag')).toBe('"1"');
    expect(workflow).toMatchObject({ name: 'Forward new orders', enabled: true, trigger: { type: 'webhook' } });
    expect((await suite.check('getWorkflow', await get(workflow.id))).definition.steps).toHaveLength(2);
  });

  it('replays the first answer to a repeat with the same Idempotency-Key, creating one workflow', async () => {
    const headers = { 'idempotency-key': 'create-once-1' };
    const first = await suite.check('createWorkflow', await create(ready('Only once'), owner.keys.write, headers));
    const again = await create(ready('Only once'), owner.keys.write, headers);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.headers.get('location')).toBe(`/api/v1/workflows/${first.id}`);
    expect((await suite.check('createWorkflow', again)).id).toBe(first.id);
    const rows = await test.db.selectFrom('workflows').select('id').where('name', '=', 'Only once').execute();
    expect(rows).toHaveLength(1);

    const reused = await create(ready('Something else'), owner.keys.write, headers);
    expect(reused.status).toBe(422);
    expect((await suite.check('createWorkflow', reused)).error.code).toBe('idempotency_key_reused');
  });

  it('answers 409 idempotency_key_in_use while the first request with the key is still running', async () => {
    const definition = ready('Slow create');
    await test.db
      .insertInto('idempotency_keys')
      .values({
        workspace_id: owner.workspaceId,
        key: 'create-running',
        operation_id: 'createWorkflow',
        request_hash: hashRequest('POST', '/api/v1/workflows', workflowDefinitionSchema.parse(definition)),
        status: 'pending',
        created_at: new Date(),
      })
      .execute();
    const response = await create(definition, owner.keys.write, { 'idempotency-key': 'create-running' });
    expect(response.status).toBe(409);
    expect((await suite.check('createWorkflow', response)).error.code).toBe('idempotency_key_in_use');
  });

  it('refuses a definition with problems: 422 naming every issue by its path', async () => {
    const response = await create({
      name: 'Broken',
      trigger: { type: 'manual' },
      steps: [
        { id: 'call', type: 'http_request', config: { method: 'GET', url: 'http://127.0.0.1:8080/admin' } },
        { id: 'after', type: 'log', config: { message: 'done' }, next: 'nowhere' },
      ],
    });
    expect(response.status).toBe(422);
    const issues = (await suite.check('createWorkflow', response)).error.details.issues;
    expect(issues.map((issue: { path: string }) => issue.path)).toEqual(['steps.0.config.url', 'steps.1.next']);

    const shape = await create({ name: '', trigger: { type: 'sometimes' }, steps: [] });
    const paths = (await suite.check('createWorkflow', shape)).error.details.issues.map(
      (i: { path: string }) => i.path,
    );
    expect(paths).toEqual(expect.arrayContaining(['name', 'trigger.type', 'steps']));
  });

  it("answers limit_reached when the workspace's plan has no room for another workflow", async () => {
    const free = await seedApiCaller(test.db);
    for (let i = 0; i < 5; i += 1)
      await seedWorkflow(test.db, free.workspaceId, {
        name: `Free ${i}`,
        steps: [{ id: 'a', type: 'log', config: { message: 'x' } }],
      });
    const response = await create(ready('Sixth'), free.keys.write);
    expect(response.status).toBe(429);
    expect((await suite.check('createWorkflow', response)).error.code).toBe('limit_reached');
    const imported = await callRoute(importRoute.POST, '/api/v1/workflows/import', {
      method: 'POST',
      key: free.keys.write,
      json: ready('Sixth, imported'),
    });
    expect((await suite.check('importWorkflow', imported)).error.code).toBe('limit_reached');
  });
});

describe('PUT /api/v1/workflows/{id}', () => {
  const put = (id: string, json: unknown, headers: Record<string, string> = {}) =>
    callRoute(item.PUT, `/api/v1/workflows/${id}`, {
      method: 'PUT',
      key: owner.keys.write,
      json,
      params: { id },
      headers,
    });

  it('saves a new version when If-Match names the current one, answering the new ETag', async () => {
    const { id } = await created(ready('Editable'));
    const response = await put(id, { definition: ready('Edited') }, { 'if-match': '"1"' });
    expect(response.headers.get('etag')).toBe('"2"');
    expect(await suite.check('updateWorkflow', response)).toMatchObject({ name: 'Edited', currentVersion: 2 });
    expect((await get(id)).headers.get('etag')).toBe('"2"');
  });

  it('refuses a stale If-Match with 412 and a stale expectedVersion with 409, saving nothing', async () => {
    const { id } = await created(ready('Contended'));
    await suite.check('updateWorkflow', await put(id, { definition: ready('Contended v2'), expectedVersion: 1 }));

    const stale = await put(id, { definition: ready('Lost edit') }, { 'if-match': '"1"' });
    expect(stale.status).toBe(412);
    expect((await suite.check('updateWorkflow', stale)).error.code).toBe('precondition_failed');

    const conflict = await put(id, { definition: ready('Lost edit'), expectedVersion: 1 });
    expect(conflict.status).toBe(409);
    expect((await suite.check('updateWorkflow', conflict)).error.code).toBe('conflict');

    expect(await suite.check('getWorkflow', await get(id))).toMatchObject({ name: 'Contended v2', currentVersion: 2 });
  });

  it('refuses an If-Match that is not an ETag, naming the header', async () => {
    const { id } = await created(ready('Strict'));
    const response = await put(id, { definition: ready('Strict') }, { 'if-match': 'yesterday' });
    expect(response.status).toBe(422);
    expect((await suite.check('updateWorkflow', response)).error.details.issues[0].path).toBe('headers.if-match');
  });
});

describe('DELETE /api/v1/workflows/{id}', () => {
  const remove = (id: string) =>
    callRoute(item.DELETE, `/api/v1/workflows/${id}`, { method: 'DELETE', key: owner.keys.full, params: { id } });

  it('deletes the workflow: 204, then it is not found', async () => {
    const { id } = await created(ready('Short-lived'));
    const response = await remove(id);
    expect(response.status).toBe(204);
    await suite.check('deleteWorkflow', response);
    const gone = await get(id);
    expect(gone.status).toBe(404);
    await suite.check('getWorkflow', gone);
    expect((await suite.check('deleteWorkflow', await remove(id))).error.code).toBe('not_found');
  });

  it('refuses while a run is in progress', async () => {
    const { id } = await created(ready('Busy'));
    await test.db
      .insertInto('workflow_runs')
      .values({
        workspace_id: owner.workspaceId,
        workflow_id: id,
        version: 1,
        status: 'running',
        trigger_type: 'manual',
      })
      .execute();
    const response = await remove(id);
    expect(response.status).toBe(409);
    await suite.check('deleteWorkflow', response);
    expect((await get(id)).status).toBe(200);
  });
});

describe('POST /api/v1/workflows/{id}/enable and /disable', () => {
  const toggle = (route: typeof enableRoute, id: string, action: 'enable' | 'disable') =>
    callRoute(route.POST, `/api/v1/workflows/${id}/${action}`, {
      method: 'POST',
      key: owner.keys.write,
      params: { id },
    });

  it('switches a workflow off and on again', async () => {
    const { id } = await created(ready('Switchable'));
    expect(await suite.check('disableWorkflow', await toggle(disableRoute, id, 'disable'))).toMatchObject({
      id,
      enabled: false,
    });
    expect((await suite.check('getWorkflow', await get(id))).enabled).toBe(false);
    expect(await suite.check('enableWorkflow', await toggle(enableRoute, id, 'enable'))).toMatchObject({
      id,
      enabled: true,
    });
  });

  it('refuses to switch on a workflow whose setup is unfinished, listing what is open', async () => {
    const imported = await suite.check(
      'importWorkflow',
      await callRoute(importRoute.POST, '/api/v1/workflows/import', {
        method: 'POST',
        key: owner.keys.write,
        json: exampleDefinition,
      }),
    );
    const response = await toggle(enableRoute, imported.id, 'enable');
    expect(response.status).toBe(409);
    const body = await suite.check('enableWorkflow', response);
    expect(body.error.details.issues.length).toBeGreaterThan(0);
    expect((await suite.check('getWorkflow', await get(imported.id))).enabled).toBe(false);
  });
});

describe('POST /api/v1/workflows/validate', () => {
  const validate = (json: unknown) =>
    callRoute(validateRoute.POST, '/api/v1/workflows/validate', { method: 'POST', key: owner.keys.read, json });

  it('answers valid and ready for a definition that can be saved and switched on', async () => {
    const response = await validate({ definition: ready('Fine') });
    expect(await suite.check('validateWorkflow', response)).toEqual({ valid: true, ready: true, issues: [] });
  });

  it('answers 200 valid:false with every issue for a definition with problems', async () => {
    const response = await validate({
      definition: { name: 'Bad', trigger: { type: 'manual' }, steps: [{ id: 'Bad Id', type: 'log' }] },
    });
    expect(response.status).toBe(200);
    const result = await suite.check('validateWorkflow', response);
    expect(result).toMatchObject({ valid: false, ready: false });
    expect(result.issues).toEqual([expect.objectContaining({ path: 'steps.0.id', severity: 'error' })]);
  });

  it('answers valid but not ready for a definition with an unfilled placeholder', async () => {
    const result = await suite.check('validateWorkflow', await validate({ definition: exampleDefinition }));
    expect(result).toMatchObject({ valid: true, ready: false });
    expect(result.issues).toEqual(
      expect.arrayContaining([expect.objectContaining({ code: 'placeholder_unfilled', path: 'steps.0.config.url' })]),
    );
  });
});

describe('GET /api/v1/workflows/{id}/versions', () => {
  it('pages through the versions newest first and answers one with its definition', async () => {
    const { id } = await created(ready('Versioned v1'));
    for (const name of ['Versioned v2', 'Versioned v3'])
      await callRoute(item.PUT, `/api/v1/workflows/${id}`, {
        method: 'PUT',
        key: owner.keys.write,
        json: { definition: ready(name) },
        params: { id },
      });

    const first = await suite.check(
      'listWorkflowVersions',
      await callRoute(versionsRoute.GET, `/api/v1/workflows/${id}/versions?limit=2`, {
        key: owner.keys.read,
        params: { id },
      }),
    );
    expect(first.data.map((version: { version: number }) => version.version)).toEqual([3, 2]);
    expect(first.data[0].createdBy).toBe(owner.email);
    const second = await suite.check(
      'listWorkflowVersions',
      await callRoute(versionsRoute.GET, `/api/v1/workflows/${id}/versions?limit=2&cursor=${first.nextCursor}`, {
        key: owner.keys.read,
        params: { id },
      }),
    );
    expect(second).toMatchObject({ data: [{ version: 1 }], nextCursor: null });

    const one = (version: string) =>
      callRoute(versionRoute.GET, `/api/v1/workflows/${id}/versions/${version}`, {
        key: owner.keys.read,
        params: { id, version },
      });
    expect(await suite.check('getWorkflowVersion', await one('2'))).toMatchObject({
      version: 2,
      definition: { name: 'Versioned v2' },
    });
    const missing = await one('9');
    expect(missing.status).toBe(404);
    await suite.check('getWorkflowVersion', missing);
  });
});

describe('GET /api/v1/workflows/{id}/export and POST /api/v1/workflows/import', () => {
  it('exports a workflow file that imports as a new, switched-off copy with the same definition', async () => {
    const { id } = await created({
      ...ready('Round trip'),
      trigger: { type: 'schedule', cron: '30 8 * * 1', timezone: 'Europe/Paris' },
    });
    const response = await callRoute(exportRoute.GET, `/api/v1/workflows/${id}/export`, {
      key: owner.keys.read,
      params: { id },
    });
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="round-trip.levqor.json"');
    const file = await suite.check('exportWorkflow', response);
    expect(file).toMatchObject({ format: 'levqor.workflow', formatVersion: 1, definition: { name: 'Round trip' } });

    const headers = { 'idempotency-key': 'import-round-trip' };
    const imported = await callRoute(importRoute.POST, '/api/v1/workflows/import', {
      method: 'POST',
      key: owner.keys.write,
      json: file,
      headers,
    });
    expect(imported.status).toBe(201);
    const copy = await suite.check('importWorkflow', imported);
    expect(imported.headers.get('location')).toBe(`/api/v1/workflows/${copy.id}`);
    expect(copy).toMatchObject({
      enabled: false,
      trigger: { type: 'schedule', cron: '30 8 * * 1', timezone: 'Europe/Paris' },
    });
    expect(copy.id).not.toBe(id);
    expect(copy.definition).toEqual(file.definition);

    const replay = await callRoute(importRoute.POST, '/api/v1/workflows/import', {
      method: 'POST',
      key: owner.keys.write,
      json: file,
      headers,
    });
    expect((await suite.check('importWorkflow', replay)).id).toBe(copy.id);
    const reused = await callRoute(importRoute.POST, '/api/v1/workflows/import', {
      method: 'POST',
      key: owner.keys.write,
      json: ready('Other file'),
      headers,
    });
    expect((await suite.check('importWorkflow', reused)).error.code).toBe('idempotency_key_reused');
  });

  it('points the issues of a bad file into the file as sent', async () => {
    const response = await callRoute(importRoute.POST, '/api/v1/workflows/import', {
      method: 'POST',
      key: owner.keys.write,
      json: {
        format: 'levqor.workflow',
        formatVersion: 1,
        definition: { ...ready('Bad file'), steps: [{ id: 'x', type: 'teleport' }] },
      },
    });
    expect(response.status).toBe(422);
    const issues = (await suite.check('importWorkflow', response)).error.details.issues;
    expect(issues.map((issue: { path: string }) => issue.path)).toEqual(['definition.steps.0.type']);
  });

  it('answers idempotency_key_in_use while the first import with the key is still running', async () => {
    const body = ready('Slow import');
    await test.db
      .insertInto('idempotency_keys')
      .values({
        workspace_id: owner.workspaceId,
        key: 'import-running',
        operation_id: 'importWorkflow',
        request_hash: hashRequest('POST', '/api/v1/workflows/import', body),
        status: 'pending',
        created_at: new Date(),
      })
      .execute();
    const response = await callRoute(importRoute.POST, '/api/v1/workflows/import', {
      method: 'POST',
      key: owner.keys.write,
      json: body,
      headers: { 'idempotency-key': 'import-running' },
    });
    expect((await suite.check('importWorkflow', response)).error.code).toBe('idempotency_key_in_use');
  });
});

describe("another workspace's workflow", () => {
  it('is not found by any workflow operation, and is left as it was', async () => {
    const theirs = await createWorkflow(test.db, other.scope, ready('Not yours'));
    const id = theirs.id;
    const params = { id };
    const answers: [string, Response][] = [
      ['getWorkflow', await callRoute(item.GET, `/api/v1/workflows/${id}`, { key: owner.keys.full, params })],
      [
        'updateWorkflow',
        await callRoute(item.PUT, `/api/v1/workflows/${id}`, {
          method: 'PUT',
          key: owner.keys.full,
          params,
          json: { definition: ready('Mine now') },
        }),
      ],
      [
        'deleteWorkflow',
        await callRoute(item.DELETE, `/api/v1/workflows/${id}`, { method: 'DELETE', key: owner.keys.full, params }),
      ],
      [
        'enableWorkflow',
        await callRoute(enableRoute.POST, `/api/v1/workflows/${id}/enable`, {
          method: 'POST',
          key: owner.keys.full,
          params,
        }),
      ],
      [
        'disableWorkflow',
        await callRoute(disableRoute.POST, `/api/v1/workflows/${id}/disable`, {
          method: 'POST',
          key: owner.keys.full,
          params,
        }),
      ],
      [
        'listWorkflowVersions',
        await callRoute(versionsRoute.GET, `/api/v1/workflows/${id}/versions`, { key: owner.keys.full, params }),
      ],
      [
        'getWorkflowVersion',
        await callRoute(versionRoute.GET, `/api/v1/workflows/${id}/versions/1`, {
          key: owner.keys.full,
          params: { id, version: '1' },
        }),
      ],
      [
        'exportWorkflow',
        await callRoute(exportRoute.GET, `/api/v1/workflows/${id}/export`, { key: owner.keys.full, params }),
      ],
    ];
    for (const [operationId, response] of answers) {
      expect(response.status, operationId).toBe(404);
      expect((await suite.check(operationId, response)).error.code).toBe('not_found');
    }
    const listed = await suite.check(
      'listWorkflows',
      await callRoute(collection.GET, '/api/v1/workflows?q=Not%20yours', { key: owner.keys.read }),
    );
    expect(listed.data).toEqual([]);
    const row = await test.db
      .selectFrom('workflows')
      .select(['name', 'enabled', 'current_version'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ name: 'Not yours', enabled: true, current_version: 1 });
  });
});
