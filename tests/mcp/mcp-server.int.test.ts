// The MCP server at /api/mcp, driven by the SDK's own client over Streamable HTTP (the route handler in-process): the
// tools answer what the v1 routes answer, with the v1 operations' input schemas, the key's scopes and the error model.
/* eslint-disable @typescript-eslint/no-explicit-any -- tool results are JSON; tests read them freely */
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { POST, GET } from '@/app/api/mcp/route';
import { GET as v1ListApprovals } from '@/app/api/v1/approvals/route';
import { GET as v1GetRun } from '@/app/api/v1/runs/[id]/route';
import { GET as v1ListRuns } from '@/app/api/v1/runs/route';
import { GET as v1GetWorkflow } from '@/app/api/v1/workflows/[id]/route';
import { GET as v1ListWorkflows } from '@/app/api/v1/workflows/route';
import { API_VERSION } from '@/lib/openapi/create-api-document';
import { createRun } from '@/lib/workflows/runs/create-run';
import { defineStep, StepError } from '@/lib/workflows/steps/types';
import { database, request, TEST_ORIGIN } from '../helpers/route-request';
import { createTestDb, type TestDb } from '../helpers/test-db';
import { document, operationById, resetRateLimits, seedApiCaller } from '../helpers/v1-contract';
import { driveToEnd, engineDeps, seedWorkflow, testClock } from '../workflows/fixtures';

vi.mock('@/db', async () => (await import('../helpers/route-request')).dbModule());

let test: TestDb;
let caller: Awaited<ReturnType<typeof seedApiCaller>>;
let other: Awaited<ReturnType<typeof seedApiCaller>>;
const clients: Client[] = [];

/** A connected SDK client whose requests go straight to the route handler, with `key` as its API key. */
async function connect(key: string): Promise<Client> {
  const transport = new StreamableHTTPClientTransport(new URL(`${TEST_ORIGIN}/api/mcp`), {
    requestInit: { headers: { authorization: `Bearer ${key}` } },
    fetch: (url, init) => POST(new Request(url, init)),
  });
  const client = new Client({ name: 'levqor-tests', version: '1.0.0' });
  await client.connect(transport);
  clients.push(client);
  return client;
}

const call = (client: Client, name: string, args: Record<string, unknown> = {}) =>
  client.callTool({ name, arguments: args }) as Promise<CallToolResult>;

/** The v1 error body a failed tool call carries as its text. */
function toolErrorBody(result: CallToolResult): { error: { code: string; message: string; details?: any } } {
  expect(result.isError, JSON.stringify(result.content)).toBe(true);
  return JSON.parse((result.content[0] as { text: string }).text);
}

function summary(result: CallToolResult): string {
  expect(result.isError, JSON.stringify(result.content)).toBeFalsy();
  return (result.content[0] as { text: string }).text;
}

/** An outside-effect step, so runs of it are queued for the driver rather than finished while created. */
const httpStep = (outcome: 'ok' | 'fail') =>
  defineStep({
    type: 'http_request',
    configSchema: z.object({}).passthrough(),
    defaultActionClass: 'A',
    resolveTemplates: true,
    async execute() {
      if (outcome === 'fail') throw new StepError('http_error', 'The shop API answered 500', false);
      return { kind: 'output', output: { orderId: 'A-1001', stored: true } };
    },
  });

beforeAll(async () => {
  test = await createTestDb();
  database.current = test;
  caller = await seedApiCaller(test.db);
  other = await seedApiCaller(test.db);
}, 60_000);

beforeEach(() => resetRateLimits(test.db));

afterAll(async () => {
  await Promise.all(clients.map((client) => client.close()));
  await test?.close();
});

describe('the MCP server', () => {
  it('introduces itself as levqor with the API version and lists its tools', async () => {
    const client = await connect(caller.keys.read);
    expect(client.getServerVersion()).toMatchObject({ name: 'levqor', version: API_VERSION });
    const { tools } = await client.listTools();
    expect(tools.map((tool) => tool.name).sort()).toEqual(
      [
        'decide_approval',
        'describe_workflow',
        'get_run',
        'list_approvals',
        'list_runs',
        'list_workflows',
        'trigger_run',
      ].sort(),
    );
    for (const tool of tools) {
      expect(tool.description!.length, tool.name).toBeGreaterThan(60);
      expect(tool.outputSchema?.type, `${tool.name} declares what it answers`).toBe('object');
    }
    expect(tools.find((tool) => tool.name === 'list_runs')!.annotations).toMatchObject({ readOnlyHint: true });
    expect(tools.find((tool) => tool.name === 'trigger_run')!.annotations).toMatchObject({ readOnlyHint: false });
  });

  it('gives each tool the input schema of its v1 operation, as the OpenAPI document has it', async () => {
    const client = await connect(caller.keys.read);
    const { tools } = await client.listTools();
    const operations: Record<string, [string, Record<string, string>?]> = {
      list_workflows: ['listWorkflows'],
      describe_workflow: ['getWorkflow', { id: 'workflowId' }],
      trigger_run: ['triggerRun', { id: 'workflowId' }],
      list_runs: ['listRuns'],
      get_run: ['getRun', { id: 'runId' }],
      list_approvals: ['listApprovals'],
      decide_approval: ['decideApproval', { id: 'approvalId' }],
    };
    for (const tool of tools) {
      const [operationId, renamed = {}] = operations[tool.name]!;
      const expected = documentedInputs(operationId, renamed);
      expect(tool.inputSchema.properties, tool.name).toEqual(expected.properties);
      expect([...(tool.inputSchema.required ?? [])].sort(), tool.name).toEqual(expected.required.sort());
    }
  });

  it('answers 401 in the error model without an API key, and 405 to GET (no SSE stream)', async () => {
    const response = await POST(
      request('/api/mcp', {
        method: 'POST',
        headers: { accept: 'application/json, text/event-stream' },
        json: { jsonrpc: '2.0', id: 1, method: 'tools/list' },
      }),
    );
    expect(response.status).toBe(401);
    expect((await response.json()).error.code).toBe('unauthorized');
    const get = await GET(request('/api/mcp', { key: caller.keys.read }));
    expect(get.status).toBe(405);
    expect((await get.json()).error.code).toBe('method_not_allowed');
  });
});

describe('workflow tools', () => {
  let forward: Awaited<ReturnType<typeof seedWorkflow>>;
  let foreign: Awaited<ReturnType<typeof seedWorkflow>>;

  beforeAll(async () => {
    forward = await seedWorkflow(test.db, caller.workspaceId, {
      name: 'Forward new orders',
      trigger: { type: 'webhook' },
      steps: [
        { id: 'shape', type: 'transform', config: { value: { order: '{{trigger.payload.orderId}}' } } },
        { id: 'note', type: 'log', config: { message: 'order {{steps.shape.output.order}}' }, next: null },
      ],
    });
    await seedWorkflow(test.db, caller.workspaceId, {
      name: 'Weekly report',
      steps: [{ id: 'log', type: 'log', config: { message: 'hi' } }],
    });
    foreign = await seedWorkflow(test.db, other.workspaceId, {
      name: 'Not yours',
      steps: [{ id: 'log', type: 'log', config: { message: 'x' } }],
    });
  });

  it("list_workflows answers the v1 list of the key's workspace, and only that", async () => {
    const client = await connect(caller.keys.read);
    const result = await call(client, 'list_workflows', { q: 'o' });
    expect(result.structuredContent).toEqual(await v1Json(v1ListWorkflows, '/api/v1/workflows?q=o', caller.keys.read));
    const names = (result.structuredContent as any).data.map((workflow: { name: string }) => workflow.name);
    expect(names).toEqual(expect.arrayContaining(['Forward new orders', 'Weekly report']));
    expect(names).not.toContain('Not yours');
    expect(summary(result)).toContain(`${forward.id}: "Forward new orders", on, webhook`);
  });

  it('describe_workflow outlines the trigger and steps, with the definition as the v1 route answers it', async () => {
    const client = await connect(caller.keys.read);
    const result = await call(client, 'describe_workflow', { workflowId: forward.id });
    expect(result.structuredContent).toEqual(
      await v1Json(v1GetWorkflow, `/api/v1/workflows/${forward.id}`, caller.keys.read, { id: forward.id }),
    );
    const text = summary(result);
    expect(text).toContain('Trigger: webhook at http');
    expect(text).toContain('1. shape (transform)');
    expect(text).toContain('2. note (log) → end');
  });

  it("answers another workspace's workflow with a not_found tool error, on reading and on triggering", async () => {
    const client = await connect(caller.keys.full);
    expect(toolErrorBody(await call(client, 'describe_workflow', { workflowId: foreign.id })).error.code).toBe(
      'not_found',
    );
    const triggered = await call(client, 'trigger_run', { workflowId: foreign.id, payload: {} });
    expect(toolErrorBody(triggered).error).toMatchObject({ code: 'not_found' });
    expect(await test.db.selectFrom('workflow_runs').where('workflow_id', '=', foreign.id).execute()).toEqual([]);
  });

  it('refuses arguments its schema does not allow with a tool error, not a protocol failure', async () => {
    const client = await connect(caller.keys.read);
    const result = await call(client, 'describe_workflow', { workflowId: 'not-a-uuid' });
    expect(result.isError).toBe(true);
    expect(JSON.stringify(result.content)).toContain('workflowId');
  });
});

describe('malformed input', () => {
  it('refuses text Postgres cannot store by its argument, before anything runs', async () => {
    const workflow = await seedWorkflow(test.db, caller.workspaceId, {
      name: 'Careful',
      steps: [{ id: 'l', type: 'log', config: { message: 'x' } }],
    });
    const client = await connect(caller.keys.write);
    const search = toolErrorBody(await call(client, 'list_workflows', { q: 'a\u0000b' }));
    expect(search.error).toMatchObject({ code: 'validation_failed', details: { issues: [{ path: 'q' }] } });
    const trigger = toolErrorBody(
      await call(client, 'trigger_run', { workflowId: workflow.id, payload: { note: 'x\ud800y' } }),
    );
    expect(trigger.error).toMatchObject({ code: 'validation_failed', details: { issues: [{ path: 'payload.note' }] } });
    expect(await test.db.selectFrom('workflow_runs').where('workflow_id', '=', workflow.id).execute()).toEqual([]);
  });

  it('answers bodies that are not JSON-RPC with a 4xx, never a 5xx', async () => {
    for (const body of ['{"jsonrpc":', 'null', '[{}]', '"\\u0000"', '['.repeat(100_000) + ']'.repeat(100_000), '']) {
      const response = await POST(
        request('/api/mcp', {
          method: 'POST',
          key: caller.keys.read,
          headers: { accept: 'application/json, text/event-stream', 'content-type': 'application/json' },
          body,
        }),
      );
      expect(response.status, body.slice(0, 20)).toBeGreaterThanOrEqual(400);
      expect(response.status, body.slice(0, 20)).toBeLessThan(500);
    }
  });
});

describe('run tools', () => {
  it('trigger_run with wait answers once the run has finished, with its status and output', async () => {
    const workflow = await seedWorkflow(test.db, caller.workspaceId, {
      name: 'Store order',
      steps: [
        { id: 'store', type: 'http_request', config: { url: 'https://shop.example/orders' } },
        { id: 'note', type: 'log', config: { message: 'stored {{trigger.payload.orderId}}' } },
      ],
    });
    const client = await connect(caller.keys.write);
    const pending = call(client, 'trigger_run', {
      workflowId: workflow.id,
      payload: { orderId: 'A-1001' },
      wait: '20s',
    });
    // The run is queued (its first step calls outside); a driver finishes it while the call waits.
    const runId = await runOf(workflow.id);
    const clock = testClock(new Date());
    await driveToEnd(test.db, runId, engineDeps(clock, { http_request: httpStep('ok') }), clock);
    const result = await pending;
    expect(result.structuredContent).toMatchObject({
      id: runId,
      status: 'succeeded',
      payload: { orderId: 'A-1001' },
      stepRuns: [
        { stepId: 'store', status: 'succeeded', output: { orderId: 'A-1001', stored: true } },
        { stepId: 'note', status: 'succeeded' },
      ],
    });
    expect(summary(result)).toContain(`Run ${runId} of "Store order" (version 1): succeeded`);
  });

  it('trigger_run without wait answers at once with the queued run', async () => {
    const workflow = await seedWorkflow(test.db, caller.workspaceId, {
      name: 'Queued',
      steps: [{ id: 'store', type: 'http_request', config: { url: 'https://shop.example/orders' } }],
    });
    const client = await connect(caller.keys.write);
    const result = await call(client, 'trigger_run', { workflowId: workflow.id });
    expect(result.structuredContent).toMatchObject({ status: 'queued', payload: {} });
  });

  it('trigger_run needs a key with the write scope', async () => {
    const workflow = await seedWorkflow(test.db, caller.workspaceId, {
      name: 'Read only',
      steps: [{ id: 'l', type: 'log', config: { message: 'x' } }],
    });
    const client = await connect(caller.keys.read);
    const body = toolErrorBody(await call(client, 'trigger_run', { workflowId: workflow.id }));
    expect(body.error).toMatchObject({ code: 'forbidden', details: { requiredScope: 'write' } });
    expect(body.error.message).toContain('triggering a run needs the write scope');
  });

  it('list_runs filters by status and workflow as the v1 list does', async () => {
    const failed = await finishedRun(caller.workspaceId, 'fail', 'Sync stock');
    await finishedRun(caller.workspaceId, 'ok', 'Sync prices');
    await finishedRun(other.workspaceId, 'fail', 'Elsewhere');
    const client = await connect(caller.keys.read);
    const result = await call(client, 'list_runs', { status: 'failed' });
    expect(result.structuredContent).toEqual(await v1Json(v1ListRuns, '/api/v1/runs?status=failed', caller.keys.read));
    const runs = (result.structuredContent as any).data;
    expect(runs.map((run: { id: string }) => run.id)).toContain(failed.runId);
    expect(
      runs.every(
        (run: { status: string; workflowName: string }) => run.status === 'failed' && run.workflowName !== 'Elsewhere',
      ),
    ).toBe(true);
    const byWorkflow = await call(client, 'list_runs', { workflowId: failed.workflow.id });
    expect((byWorkflow.structuredContent as any).data.map((run: { id: string }) => run.id)).toEqual([failed.runId]);
    expect(summary(byWorkflow)).toContain('http_error: The shop API answered 500');
    const backwards = await call(client, 'list_runs', { from: '2026-12-02T00:00:00Z', to: '2026-12-01T00:00:00Z' });
    const badCursor = toolErrorBody(await call(client, 'list_runs', { cursor: 'not-a-cursor' }));
    expect(badCursor.error).toMatchObject({ code: 'validation_failed', details: { issues: [{ path: 'cursor' }] } });
    // Arguments are checked by the SDK against the tool's schema, with the operation's own rules (`to` after `from`).
    expect(backwards.isError).toBe(true);
    expect((backwards.content[0] as { text: string }).text).toContain('Use a `to` that is not before `from`');
  });

  it("get_run shows the step timeline and the failed step's error, as the v1 route does", async () => {
    const { runId } = await finishedRun(caller.workspaceId, 'fail', 'Push invoice');
    const client = await connect(caller.keys.read);
    const result = await call(client, 'get_run', { runId });
    expect(result.structuredContent).toEqual(
      await v1Json(v1GetRun, `/api/v1/runs/${runId}`, caller.keys.read, { id: runId }),
    );
    expect((result.structuredContent as any).stepRuns[0]).toMatchObject({
      stepId: 'store',
      status: 'failed',
      error: { code: 'http_error', message: 'The shop API answered 500' },
    });
    const text = summary(result);
    expect(text).toContain('failed');
    expect(text).toContain('- store (http_request), attempt 1: failed');
    expect(text).toContain('http_error: The shop API answered 500');
  });
});

describe('approval tools', () => {
  let approvalId: string;

  beforeAll(async () => {
    const workflow = await seedWorkflow(test.db, caller.workspaceId, {
      name: 'Refunds',
      steps: [
        { id: 'ask', type: 'approval', config: { message: 'Refund 40 EUR to order A-1?' } },
        { id: 'note', type: 'log', config: { message: 'refunded' } },
      ],
    });
    const run = await createRun(test.db, {
      workspaceId: caller.workspaceId,
      workflowId: workflow.id,
      trigger: 'manual',
      payload: {},
    });
    const clock = testClock(new Date());
    await driveToEnd(test.db, run.id, engineDeps(clock), clock);
    approvalId = (
      await test.db.selectFrom('workflow_approvals').select('id').where('run_id', '=', run.id).executeTakeFirstOrThrow()
    ).id;
  });

  it('list_approvals answers the pending approvals as the v1 list does', async () => {
    const client = await connect(caller.keys.read);
    const result = await call(client, 'list_approvals');
    expect(result.structuredContent).toEqual(await v1Json(v1ListApprovals, '/api/v1/approvals', caller.keys.read));
    expect((result.structuredContent as any).data).toEqual([
      expect.objectContaining({ id: approvalId, status: 'pending' }),
    ]);
    expect(summary(result)).toContain('"Refund 40 EUR to order A-1?"');
  });

  it('decide_approval is refused to read and write keys, saying the admin scope is needed', async () => {
    for (const key of [caller.keys.read, caller.keys.write]) {
      const client = await connect(key);
      const body = toolErrorBody(await call(client, 'decide_approval', { approvalId, decision: 'approve' }));
      expect(body.error).toMatchObject({ code: 'forbidden', details: { requiredScope: 'admin' } });
      expect(body.error.message).toContain('admin scope');
    }
    const row = await test.db
      .selectFrom('workflow_approvals')
      .select('status')
      .where('id', '=', approvalId)
      .executeTakeFirstOrThrow();
    expect(row.status).toBe('pending');
  });

  it('decide_approval with an admin key approves, and the approval says so', async () => {
    const client = await connect(caller.keys.full);
    const result = await call(client, 'decide_approval', { approvalId, decision: 'approve', comment: 'Checked' });
    expect(result.structuredContent).toMatchObject({
      id: approvalId,
      status: 'approved',
      decidedVia: 'api',
      comment: 'Checked',
    });
    expect(summary(result)).toContain('resumes');
    const again = toolErrorBody(await call(client, 'decide_approval', { approvalId, decision: 'reject' }));
    expect(again.error.code).toBe('conflict');
  });
});

/** The JSON a v1 route answers, called with the same key. */
async function v1Json(route: (req: Request, ctx: any) => Promise<Response>, path: string, key: string, params = {}) {
  const response = await route(request(path, { key }), { params: Promise.resolve(params) });
  expect(response.status, path).toBe(200);
  return response.json();
}

/** The run the trigger created, once it is in the database. */
async function runOf(workflowId: string): Promise<string> {
  for (let attempt = 0; attempt < 200; attempt++) {
    const row = await test.db
      .selectFrom('workflow_runs')
      .select('id')
      .where('workflow_id', '=', workflowId)
      .executeTakeFirst();
    if (row) return row.id;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error('no run was created');
}

async function finishedRun(workspaceId: string, outcome: 'ok' | 'fail', name: string) {
  const workflow = await seedWorkflow(test.db, workspaceId, {
    name,
    steps: [
      { id: 'store', type: 'http_request', config: { url: 'https://shop.example/orders' } },
      { id: 'note', type: 'log', config: { message: 'stored' } },
    ],
  });
  const run = await createRun(test.db, { workspaceId, workflowId: workflow.id, trigger: 'manual', payload: { n: 1 } });
  const clock = testClock(new Date());
  await driveToEnd(test.db, run.id, engineDeps(clock, { http_request: httpStep(outcome) }), clock);
  return { workflow, runId: run.id };
}

/** The document's path and query parameters and body fields of an operation, as one object's properties. */
function documentedInputs(operationId: string, renamed: Record<string, string>) {
  const operation = operationById(operationId);
  const documented = (document.paths as any)[operation.path][operation.method];
  const properties: Record<string, unknown> = {};
  const required: string[] = [];
  for (const parameter of documented.parameters ?? []) {
    if (parameter.in !== 'path' && parameter.in !== 'query') continue;
    const name = renamed[parameter.name] ?? parameter.name;
    properties[name] = parameter.schema;
    if (parameter.required) required.push(name);
  }
  const body = resolve(documented.requestBody?.content?.['application/json']?.schema);
  if (body) {
    Object.assign(properties, body.properties);
    required.push(...(body.required ?? []));
  }
  return { properties, required };
}

function resolve(schema: any): any {
  if (!schema?.$ref) return schema;
  return (document.components as any).schemas[schema.$ref.split('/').pop()];
}
