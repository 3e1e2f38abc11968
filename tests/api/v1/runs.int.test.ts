// Runs through the public API v1: trigger (idempotent, optionally waiting), list with filters and stable paging, the
// step timeline, cancel and replay — each answer checked against the OpenAPI document, never another workspace's run.
import { sql } from 'kysely';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { hashRequest } from '@/lib/api/v1/idempotency';
import { createRun } from '@/lib/workflows/runs/create-run';
import { waitSchema } from '@/lib/workflows/runs/schemas';
import { defineStep, StepError } from '@/lib/workflows/steps/types';
import { POST as triggerRoute } from '@/app/api/v1/workflows/[id]/runs/route';
import { GET as listRoute } from '@/app/api/v1/runs/route';
import { GET as getRoute } from '@/app/api/v1/runs/[id]/route';
import { POST as cancelRoute } from '@/app/api/v1/runs/[id]/cancel/route';
import { POST as replayRoute } from '@/app/api/v1/runs/[id]/replay/route';
import { database } from '../../helpers/route-request';
import { createTestDb, type TestDb } from '../../helpers/test-db';
import { callRoute, contractSuite, operationsOfTag, resetRateLimits, seedApiCaller } from '../../helpers/v1-contract';
import { driveToEnd, engineDeps, seedWorkflow, testClock } from '../../workflows/fixtures';

vi.mock('@/db', async () => (await import('../../helpers/route-request')).dbModule());

let test: TestDb;
let caller: Awaited<ReturnType<typeof seedApiCaller>>;
let other: Awaited<ReturnType<typeof seedApiCaller>>;
const suite = contractSuite();

const pureSteps = [{ id: 'note', type: 'log' as const, config: { message: 'hello {{trigger.payload.name}}' } }];
const delayedSteps = [
  { id: 'pause', type: 'delay' as const, config: { minutes: 5 } },
  { id: 'note', type: 'log' as const, config: { message: 'done' } },
];
const callSteps = [{ id: 'call', type: 'http_request' as const, config: {} }];

/** An http_request stand-in that fails (not retryable) while `state.failing`, then succeeds. */
function switchableStep(state: { failing: boolean }) {
  return defineStep({
    type: 'http_request',
    configSchema: z.object({}).passthrough(),
    defaultActionClass: 'A',
    resolveTemplates: true,
    async execute() {
      if (state.failing) throw new StepError('upstream_unavailable', 'The upstream answered 503', false);
      return { kind: 'output', output: { ok: true } };
    },
  });
}

beforeAll(async () => {
  test = await createTestDb();
  database.current = test;
  caller = await seedApiCaller(test.db);
  other = await seedApiCaller(test.db);
});

beforeEach(() => resetRateLimits(test.db));

afterAll(async () => {
  suite.expectCovered(operationsOfTag('Runs'), 'own');
  await test?.close();
});

const trigger = (workflowId: string, init: Parameters<typeof callRoute>[2] = {}, query = '') =>
  callRoute(triggerRoute, `/api/v1/workflows/${workflowId}/runs${query}`, {
    key: caller.keys.write,
    method: 'POST',
    params: { id: workflowId },
    json: {},
    ...init,
  });
const get = (runId: string, query = '', key = caller.keys.read) =>
  callRoute(getRoute, `/api/v1/runs/${runId}${query}`, { key, params: { id: runId } });
const list = (query: string, key = caller.keys.read) => callRoute(listRoute, `/api/v1/runs${query}`, { key });
const replay = (runId: string, json: unknown, init: Parameters<typeof callRoute>[2] = {}) =>
  callRoute(replayRoute, `/api/v1/runs/${runId}/replay`, {
    key: caller.keys.write,
    method: 'POST',
    params: { id: runId },
    json,
    ...init,
  });

async function runsOf(workflowId: string) {
  return test.db.selectFrom('workflow_runs').selectAll().where('workflow_id', '=', workflowId).execute();
}

/** A run of `callSteps` driven to its (non-retryable) failure: it lands in the failure queue. */
async function failedRun(workspaceId = caller.workspaceId) {
  const workflow = await seedWorkflow(test.db, workspaceId, { steps: callSteps });
  const run = await createRun(test.db, { workspaceId, workflowId: workflow.id, trigger: 'manual' });
  const clock = testClock();
  const { last } = await driveToEnd(
    test.db,
    run.id,
    engineDeps(clock, { http_request: switchableStep({ failing: true }) }),
    clock,
  );
  expect(last).toEqual({ kind: 'finished', status: 'failed' });
  return { workflow, runId: run.id };
}

async function pendingIdempotencyKey(key: string, operationId: string, path: string, body: unknown) {
  await test.db
    .insertInto('idempotency_keys')
    .values({
      workspace_id: caller.workspaceId,
      key,
      operation_id: operationId,
      request_hash: hashRequest('POST', path, body),
      status: 'pending',
      created_at: new Date(),
    })
    .execute();
}

describe('POST /api/v1/workflows/{id}/runs', () => {
  it('answers 201 with the finished run, its output and step timeline, and where to find it', async () => {
    const workflow = await seedWorkflow(test.db, caller.workspaceId, { steps: pureSteps });
    const response = await trigger(workflow.id, { json: { payload: { name: 'Ada' } } }, '?wait=10s');
    expect(response.status).toBe(201);
    const run = await suite.check('triggerRun', response);
    expect(response.headers.get('location')).toBe(`/api/v1/runs/${run.id}`);
    expect(run).toMatchObject({ status: 'succeeded', workflowId: workflow.id, payload: { name: 'Ada' }, error: null });
    expect(run.stepRuns).toEqual([
      expect.objectContaining({ stepId: 'note', attempt: 1, status: 'succeeded', output: expect.anything() }),
    ]);
  });

  it('waits for a queued run until the driver finishes it', async () => {
    const workflow = await seedWorkflow(test.db, caller.workspaceId, { steps: delayedSteps });
    const started = Date.now();
    const pending = trigger(workflow.id, {}, '?wait=20s');
    let runs: Awaited<ReturnType<typeof runsOf>> = [];
    while (runs.length === 0) runs = await runsOf(workflow.id);
    const clock = testClock();
    await driveToEnd(test.db, runs[0]!.id, engineDeps(clock), clock);
    const run = await suite.check('triggerRun', await pending);
    expect(run.status).toBe('succeeded');
    expect(run.stepRuns.map((step: { stepId: string }) => step.stepId)).toEqual(['pause', 'note']);
    expect(Date.now() - started).toBeLessThan(15_000);
  });

  it('answers with the run still queued once a short wait runs out', async () => {
    const workflow = await seedWorkflow(test.db, caller.workspaceId, { steps: delayedSteps });
    const started = Date.now();
    const run = await suite.check('triggerRun', await trigger(workflow.id, {}, '?wait=300ms'));
    expect(Date.now() - started).toBeGreaterThanOrEqual(250);
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(run).toMatchObject({ status: 'queued', finishedAt: null, currentStepId: 'pause' });
  });

  it('reads the wait in seconds or milliseconds and refuses one over 30 seconds, naming wait', async () => {
    expect(['10s', '2500ms', '10', '0.5s'].map((value) => waitSchema.parse(value))).toEqual([
      10_000, 2_500, 10_000, 500,
    ]);
    const workflow = await seedWorkflow(test.db, caller.workspaceId, { steps: pureSteps });
    for (const wait of ['31s', '30001ms', 'soon']) {
      const response = await trigger(workflow.id, {}, `?wait=${wait}`);
      expect(response.status).toBe(422);
      const body = await suite.check('triggerRun', response);
      expect(body.error.details.issues[0].path).toBe('wait');
    }
    expect(await runsOf(workflow.id)).toEqual([]);
  });

  it('refuses an unsaved definition: the API runs saved versions only', async () => {
    const workflow = await seedWorkflow(test.db, caller.workspaceId, { steps: pureSteps });
    const response = await trigger(workflow.id, { json: { definition: { steps: [] } } });
    expect(response.status).toBe(422);
    await suite.check('triggerRun', response);
    expect(await runsOf(workflow.id)).toEqual([]);
  });

  it('replays the first answer for a repeated Idempotency-Key and starts the run once', async () => {
    const workflow = await seedWorkflow(test.db, caller.workspaceId, { steps: pureSteps });
    const headers = { 'idempotency-key': 'trigger-once' };
    const first = await suite.check('triggerRun', await trigger(workflow.id, { headers, json: { payload: { n: 1 } } }));
    const again = await trigger(workflow.id, { headers, json: { payload: { n: 1 } } });
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.headers.get('location')).toBe(`/api/v1/runs/${first.id}`);
    expect((await suite.check('triggerRun', again)).id).toBe(first.id);
    const reused = await trigger(workflow.id, { headers, json: { payload: { n: 2 } } });
    expect(reused.status).toBe(422);
    expect((await suite.check('triggerRun', reused)).error.code).toBe('idempotency_key_reused');
    expect(await runsOf(workflow.id)).toHaveLength(1);
  });

  it('starts exactly one run for two identical requests sent at the same time', async () => {
    const workflow = await seedWorkflow(test.db, caller.workspaceId, { steps: pureSteps });
    const headers = { 'idempotency-key': 'concurrent-trigger' };
    const responses = await Promise.all([trigger(workflow.id, { headers }), trigger(workflow.id, { headers })]);
    const bodies = await Promise.all(responses.map((response) => suite.check('triggerRun', response)));
    const runIds = bodies.filter((body) => !body.error).map((body) => body.id);
    expect(runIds.length).toBeGreaterThanOrEqual(1);
    expect(new Set(runIds).size).toBe(1);
    for (const body of bodies.filter((candidate) => candidate.error))
      expect(body.error.code).toBe('idempotency_key_in_use');
    expect(await runsOf(workflow.id)).toHaveLength(1);
  });

  it('asks a repeat to retry while the first request with its key is still running', async () => {
    const workflow = await seedWorkflow(test.db, caller.workspaceId, { steps: pureSteps });
    await pendingIdempotencyKey('in-flight', 'triggerRun', `/api/v1/workflows/${workflow.id}/runs`, {});
    const response = await trigger(workflow.id, { headers: { 'idempotency-key': 'in-flight' } });
    expect(response.status).toBe(409);
    expect((await suite.check('triggerRun', response)).error.code).toBe('idempotency_key_in_use');
    expect(await runsOf(workflow.id)).toEqual([]);
  });

  it("answers 404 for another workspace's workflow", async () => {
    const theirs = await seedWorkflow(test.db, other.workspaceId, { steps: pureSteps });
    const response = await trigger(theirs.id);
    expect(response.status).toBe(404);
    await suite.check('triggerRun', response);
    expect(await runsOf(theirs.id)).toEqual([]);
  });
});

describe('plan limits', () => {
  it('refuses to trigger or replay from the start once the month’s runs are used and no credits are left', async () => {
    const limited = await seedApiCaller(test.db);
    await test.db
      .insertInto('billing_accounts')
      .values({
        workspace_id: limited.workspaceId,
        plan: 'starter',
        status: 'active',
        limit_overrides: JSON.stringify({ runs_per_month: 1 }),
      })
      .execute();
    const { workflow, runId } = await failedRun(limited.workspaceId);
    const triggered = await callRoute(triggerRoute, `/api/v1/workflows/${workflow.id}/runs`, {
      key: limited.keys.write,
      method: 'POST',
      params: { id: workflow.id },
      json: {},
    });
    expect(triggered.status).toBe(429);
    expect((await suite.check('triggerRun', triggered)).error).toMatchObject({
      code: 'limit_reached',
      details: { limit: 'runs_per_month' },
    });
    const replayed = await callRoute(replayRoute, `/api/v1/runs/${runId}/replay`, {
      key: limited.keys.write,
      method: 'POST',
      params: { id: runId },
      json: { from: 'start' },
    });
    expect(replayed.status).toBe(429);
    expect((await suite.check('replayRun', replayed)).error.code).toBe('limit_reached');
    expect(await runsOf(workflow.id)).toHaveLength(1);
  });
});

describe('GET /api/v1/runs', () => {
  it('pages newest first without skipping or repeating runs created at the same instant', async () => {
    const mine = await seedApiCaller(test.db);
    const workflow = await seedWorkflow(test.db, mine.workspaceId, { steps: delayedSteps });
    const ids: string[] = [];
    for (let i = 0; i < 5; i++)
      ids.push(
        (await createRun(test.db, { workspaceId: mine.workspaceId, workflowId: workflow.id, trigger: 'manual' })).id,
      );
    // NOTE: three runs at the same microsecond and one a few microseconds later in the same millisecond.
    const createdAt = (at: string, runIds: string[]) =>
      test.db
        .updateTable('workflow_runs')
        .set({ created_at: sql`cast(${at} as timestamptz)` } as never)
        .where('id', 'in', runIds)
        .execute();
    await createdAt('2026-12-01T10:00:00.123456Z', ids.slice(0, 3));
    await createdAt('2026-12-01T10:00:00.123789Z', [ids[3]!]);
    await createdAt('2026-12-01T09:00:00Z', [ids[4]!]);
    const expected = [ids[3], ...ids.slice(0, 3).sort().reverse(), ids[4]];
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const query: string = `?limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
      const page = await suite.check('listRuns', await list(query, mine.keys.read));
      expect(page.data.length).toBeLessThanOrEqual(2);
      seen.push(...page.data.map((run: { id: string }) => run.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(expected);
  });

  it('filters by one or several statuses, the workflow and the time created', async () => {
    const mine = await seedApiCaller(test.db);
    const pure = await seedWorkflow(test.db, mine.workspaceId, { steps: pureSteps });
    const delayed = await seedWorkflow(test.db, mine.workspaceId, { steps: delayedSteps });
    const start = (workflowId: string) =>
      createRun(test.db, { workspaceId: mine.workspaceId, workflowId, trigger: 'manual' });
    const succeeded = await start(pure.id);
    const queued = await start(delayed.id);
    const old = await start(delayed.id);
    await test.db
      .updateTable('workflow_runs')
      .set({ created_at: new Date('2026-01-01T00:00:00Z') } as never)
      .where('id', '=', old.id)
      .execute();
    const idsOf = async (query: string) =>
      (await suite.check('listRuns', await list(query, mine.keys.read))).data.map((run: { id: string }) => run.id);
    expect(await idsOf('?status=succeeded')).toEqual([succeeded.id]);
    expect((await idsOf('?status=queued,succeeded')).sort()).toEqual([succeeded.id, queued.id, old.id].sort());
    expect((await idsOf(`?workflowId=${delayed.id}`)).sort()).toEqual([queued.id, old.id].sort());
    expect(await idsOf('?from=2025-12-01T00:00:00Z&to=2026-02-01T00:00:00Z')).toEqual([old.id]);
    expect(await idsOf('?status=failed')).toEqual([]);
  });

  it('refuses a time range that ends before it starts, an unknown status and a made-up cursor, naming the field', async () => {
    for (const [query, path] of [
      ['?from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z', 'to'],
      ['?status=done', 'status'],
      ['?cursor=bm90LWEtY3Vyc29y', 'cursor'],
    ] as const) {
      const response = await list(query);
      expect(response.status).toBe(422);
      expect((await suite.check('listRuns', response)).error.details.issues[0].path).toBe(path);
    }
  });

  it("never lists another workspace's runs", async () => {
    const theirs = await seedWorkflow(test.db, other.workspaceId, { steps: pureSteps });
    const run = await createRun(test.db, { workspaceId: other.workspaceId, workflowId: theirs.id, trigger: 'manual' });
    const page = await suite.check('listRuns', await list('?limit=100'));
    expect(page.data.map((candidate: { id: string }) => candidate.id)).not.toContain(run.id);
  });
});

describe('GET /api/v1/runs/{id}', () => {
  it('shows every attempt of every step with its input, output, error and duration', async () => {
    const workflow = await seedWorkflow(test.db, caller.workspaceId, {
      steps: [{ id: 'call', type: 'http_request', config: { url: 'https://example.com/{{trigger.payload.order}}' } }],
    });
    const run = await createRun(test.db, {
      workspaceId: caller.workspaceId,
      workflowId: workflow.id,
      trigger: 'manual',
      payload: { order: 'A-1' },
    });
    const state = { failures: 1 };
    const flaky = defineStep({
      type: 'http_request',
      configSchema: z.object({}).passthrough(),
      defaultActionClass: 'A',
      resolveTemplates: true,
      async execute() {
        if (state.failures-- > 0) throw new StepError('upstream_unavailable', 'The upstream answered 503', true);
        return { kind: 'output', output: { ok: true } };
      },
    });
    const clock = testClock();
    await driveToEnd(test.db, run.id, engineDeps(clock, { http_request: flaky }), clock);
    const detail = await suite.check('getRun', await get(run.id));
    expect(detail).toMatchObject({ status: 'succeeded', payload: { order: 'A-1' } });
    expect(detail.stepRuns).toEqual([
      expect.objectContaining({
        stepId: 'call',
        attempt: 1,
        status: 'failed',
        input: expect.objectContaining({ url: 'https://example.com/A-1' }),
        error: expect.objectContaining({ code: 'upstream_unavailable' }),
      }),
      expect.objectContaining({ stepId: 'call', attempt: 2, status: 'succeeded', output: { ok: true } }),
    ]);
    expect(detail.stepRuns[1].durationMs).toEqual(expect.any(Number));
  });

  it('long-polls a run that is not finishing and answers as it is when the wait runs out', async () => {
    const workflow = await seedWorkflow(test.db, caller.workspaceId, { steps: delayedSteps });
    const run = await createRun(test.db, {
      workspaceId: caller.workspaceId,
      workflowId: workflow.id,
      trigger: 'manual',
    });
    const started = Date.now();
    const detail = await suite.check('getRun', await get(run.id, '?wait=250ms'));
    expect(Date.now() - started).toBeGreaterThanOrEqual(200);
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(detail.status).toBe('queued');
  });

  it('refuses a wait over 30 seconds, naming wait', async () => {
    const workflow = await seedWorkflow(test.db, caller.workspaceId, { steps: pureSteps });
    const run = await createRun(test.db, {
      workspaceId: caller.workspaceId,
      workflowId: workflow.id,
      trigger: 'manual',
    });
    const response = await get(run.id, '?wait=45s');
    expect(response.status).toBe(422);
    expect((await suite.check('getRun', response)).error.details.issues[0].path).toBe('wait');
  });

  it("answers 404 for another workspace's run, also while waiting", async () => {
    const theirs = await seedWorkflow(test.db, other.workspaceId, { steps: pureSteps });
    const run = await createRun(test.db, { workspaceId: other.workspaceId, workflowId: theirs.id, trigger: 'manual' });
    for (const query of ['', '?wait=5s']) {
      const response = await get(run.id, query);
      expect(response.status).toBe(404);
      await suite.check('getRun', response);
    }
    expect((await get(run.id, '', other.keys.read)).status).toBe(200);
  });
});

describe('POST /api/v1/runs/{id}/cancel', () => {
  it('cancels a queued run once; cancelling it again is a conflict', async () => {
    const workflow = await seedWorkflow(test.db, caller.workspaceId, { steps: delayedSteps });
    const run = await createRun(test.db, {
      workspaceId: caller.workspaceId,
      workflowId: workflow.id,
      trigger: 'manual',
    });
    const cancel = () =>
      callRoute(cancelRoute, `/api/v1/runs/${run.id}/cancel`, {
        key: caller.keys.write,
        method: 'POST',
        params: { id: run.id },
      });
    const cancelled = await suite.check('cancelRun', await cancel());
    expect(cancelled).toMatchObject({ id: run.id, status: 'cancelled', cancelledBy: caller.email });
    expect(cancelled.finishedAt).not.toBeNull();
    const again = await cancel();
    expect(again.status).toBe(409);
    expect((await suite.check('cancelRun', again)).error.code).toBe('conflict');
  });

  it("answers 404 for another workspace's run and leaves it running", async () => {
    const theirs = await seedWorkflow(test.db, other.workspaceId, { steps: delayedSteps });
    const run = await createRun(test.db, { workspaceId: other.workspaceId, workflowId: theirs.id, trigger: 'manual' });
    const response = await callRoute(cancelRoute, `/api/v1/runs/${run.id}/cancel`, {
      key: caller.keys.write,
      method: 'POST',
      params: { id: run.id },
    });
    expect(response.status).toBe(404);
    await suite.check('cancelRun', response);
    expect((await runsOf(theirs.id))[0]!.status).toBe('queued');
  });
});

describe('POST /api/v1/runs/{id}/replay', () => {
  it('continues a failed run from the failed step, which then succeeds', async () => {
    const { runId } = await failedRun();
    const response = await replay(runId, { from: 'failed_step' });
    expect(response.status).toBe(201);
    expect(response.headers.get('location')).toBe(`/api/v1/runs/${runId}`);
    const replayed = await suite.check('replayRun', response);
    expect(replayed).toMatchObject({ id: runId, status: 'queued', deadLettered: false, error: null });
    const clock = testClock();
    await driveToEnd(test.db, runId, engineDeps(clock, { http_request: switchableStep({ failing: false }) }), clock);
    const detail = await suite.check('getRun', await get(runId));
    expect(detail.status).toBe('succeeded');
    expect(detail.stepRuns.map((step: { status: string }) => step.status)).toEqual(['failed', 'succeeded']);
  });

  it('replays from the start as a new run with the same payload, once per Idempotency-Key', async () => {
    const { workflow, runId } = await failedRun();
    const headers = { 'idempotency-key': 'replay-from-start' };
    const fresh = await suite.check('replayRun', await replay(runId, { from: 'start' }, { headers }));
    expect(fresh).toMatchObject({ replayOf: runId, trigger: 'replay', status: 'queued' });
    expect(fresh.id).not.toBe(runId);
    const again = await replay(runId, { from: 'start' }, { headers });
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect((await suite.check('replayRun', again)).id).toBe(fresh.id);
    const reused = await replay(runId, { from: 'failed_step' }, { headers });
    expect((await suite.check('replayRun', reused)).error.code).toBe('idempotency_key_reused');
    expect(await runsOf(workflow.id)).toHaveLength(2);
  });

  it('asks a repeat to retry while the first replay with its key is still running', async () => {
    const { runId } = await failedRun();
    await pendingIdempotencyKey('replay-in-flight', 'replayRun', `/api/v1/runs/${runId}/replay`, { from: 'start' });
    const response = await replay(runId, { from: 'start' }, { headers: { 'idempotency-key': 'replay-in-flight' } });
    expect(response.status).toBe(409);
    expect((await suite.check('replayRun', response)).error.code).toBe('idempotency_key_in_use');
  });

  it("refuses to replay a run that succeeded, and answers 404 for another workspace's run", async () => {
    const workflow = await seedWorkflow(test.db, caller.workspaceId, { steps: pureSteps });
    const run = await createRun(test.db, {
      workspaceId: caller.workspaceId,
      workflowId: workflow.id,
      trigger: 'manual',
    });
    const refused = await replay(run.id, { from: 'start' });
    expect(refused.status).toBe(409);
    expect((await suite.check('replayRun', refused)).error.code).toBe('conflict');
    const theirs = await failedRun(other.workspaceId);
    const hidden = await replay(theirs.runId, { from: 'start' });
    expect(hidden.status).toBe(404);
    await suite.check('replayRun', hidden);
    expect(await runsOf(theirs.workflow.id)).toHaveLength(1);
  });
});
