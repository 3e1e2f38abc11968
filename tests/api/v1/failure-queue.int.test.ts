// The failure queue through the public API v1: failed runs a page at a time, and replaying many at once where each
// run answers for itself — checked against the OpenAPI document, never another workspace's runs.
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { hashRequest } from '@/lib/api/v1/idempotency';
import { cancelRun } from '@/lib/workflows/runs/cancel-run';
import { createRun } from '@/lib/workflows/runs/create-run';
import { defineStep, StepError } from '@/lib/workflows/steps/types';
import { GET as listRoute } from '@/app/api/v1/failure-queue/route';
import { POST as replayRoute } from '@/app/api/v1/failure-queue/replay/route';
import { database } from '../../helpers/route-request';
import { createTestDb, type TestDb } from '../../helpers/test-db';
import { callRoute, contractSuite, operationsOfTag, resetRateLimits, seedApiCaller } from '../../helpers/v1-contract';
import { driveToEnd, engineDeps, seedWorkflow, testClock } from '../../workflows/fixtures';

vi.mock('@/db', async () => (await import('../../helpers/route-request')).dbModule());

let test: TestDb;
let caller: Awaited<ReturnType<typeof seedApiCaller>>;
let other: Awaited<ReturnType<typeof seedApiCaller>>;
const suite = contractSuite();

const failing = defineStep({
  type: 'http_request',
  configSchema: z.object({}).passthrough(),
  defaultActionClass: 'A',
  resolveTemplates: true,
  async execute() {
    throw new StepError('upstream_unavailable', 'The upstream answered 503', false);
  },
});

beforeAll(async () => {
  test = await createTestDb();
  database.current = test;
  other = await seedApiCaller(test.db);
});

beforeEach(async () => {
  await resetRateLimits(test.db);
  caller = await seedApiCaller(test.db);
});

afterAll(async () => {
  suite.expectCovered(operationsOfTag('Failure queue'), 'own');
  await test?.close();
});

/** A run whose only step fails for good: it lands in the failure queue. */
async function failedRun(workspaceId: string, workflowId?: string) {
  const id =
    workflowId ??
    (
      await seedWorkflow(test.db, workspaceId, {
        name: 'Sync orders',
        steps: [{ id: 'call', type: 'http_request', config: {} }],
      })
    ).id;
  const run = await createRun(test.db, { workspaceId, workflowId: id, trigger: 'manual' });
  const clock = testClock();
  await driveToEnd(test.db, run.id, engineDeps(clock, { http_request: failing }), clock);
  return { workflowId: id, runId: run.id };
}

const list = (query = '') => callRoute(listRoute, `/api/v1/failure-queue${query}`, { key: caller.keys.read });
const replay = (json: unknown, headers: Record<string, string> = {}) =>
  callRoute(replayRoute, '/api/v1/failure-queue/replay', { key: caller.keys.write, method: 'POST', json, headers });
const idsOf = (page: { data: { id: string }[] }) => page.data.map((item) => item.id);

describe('GET /api/v1/failure-queue', () => {
  it('lists only failed runs, newest first, with the failed step and the error, a page at a time', async () => {
    const first = await failedRun(caller.workspaceId);
    const second = await failedRun(caller.workspaceId, first.workflowId);
    const third = await failedRun(caller.workspaceId, first.workflowId);
    const gated = await seedWorkflow(test.db, caller.workspaceId, {
      steps: [{ id: 'pause', type: 'delay', config: { minutes: 5 } }],
    });
    const cancelled = await createRun(test.db, {
      workspaceId: caller.workspaceId,
      workflowId: gated.id,
      trigger: 'manual',
    });
    await cancelRun(test.db, caller.scope, cancelled.id);
    await failedRun(other.workspaceId);

    const firstPage = await suite.check('listFailureQueue', await list('?limit=2'));
    expect(idsOf(firstPage)).toEqual([third.runId, second.runId]);
    expect(firstPage.data[0]).toMatchObject({
      workflowName: 'Sync orders',
      failedStepId: 'call',
      trigger: 'manual',
      error: expect.objectContaining({ code: 'upstream_unavailable', stepId: 'call' }),
    });
    expect(firstPage.data[0].failedAt).not.toBeNull();
    const secondPage = await suite.check(
      'listFailureQueue',
      await list(`?limit=2&cursor=${encodeURIComponent(firstPage.nextCursor)}`),
    );
    expect(idsOf(secondPage)).toEqual([first.runId]);
    expect(secondPage.nextCursor).toBeNull();
  });

  it('filters by workflow and creation time, and refuses a range that ends before it starts', async () => {
    const mine = await failedRun(caller.workspaceId);
    const elsewhere = await failedRun(caller.workspaceId);
    expect(idsOf(await suite.check('listFailureQueue', await list(`?workflowId=${mine.workflowId}`)))).toEqual([
      mine.runId,
    ]);
    await test.db
      .updateTable('workflow_runs')
      .set({ created_at: new Date('2026-01-15T00:00:00Z') } as never)
      .where('id', '=', elsewhere.runId)
      .execute();
    const january = await list('?from=2026-01-01T00:00:00Z&to=2026-02-01T00:00:00Z');
    expect(idsOf(await suite.check('listFailureQueue', january))).toEqual([elsewhere.runId]);
    const backwards = await list('?from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z');
    expect(backwards.status).toBe(422);
    expect((await suite.check('listFailureQueue', backwards)).error.details.issues[0].path).toBe('to');
  });
});

describe('POST /api/v1/failure-queue/replay', () => {
  it('replays the failed runs and reports, run by run, those it cannot replay', async () => {
    const first = await failedRun(caller.workspaceId);
    const second = await failedRun(caller.workspaceId, first.workflowId);
    const theirs = await failedRun(other.workspaceId);
    const body = await suite.check(
      'replayFailureQueue',
      await replay({ runIds: [first.runId, second.runId, theirs.runId], from: 'failed_step' }),
    );
    expect(body.results).toEqual([
      { runId: first.runId, ok: true, replay: { id: first.runId, replayOf: null, from: 'failed_step' } },
      { runId: second.runId, ok: true, replay: { id: second.runId, replayOf: null, from: 'failed_step' } },
      { runId: theirs.runId, ok: false, error: { code: 'not_found', message: 'Run not found' } },
    ]);
    expect(idsOf(await suite.check('listFailureQueue', await list()))).toEqual([]);
    const again = await suite.check('replayFailureQueue', await replay({ runIds: [first.runId] }));
    expect(again.results[0]).toMatchObject({ ok: false, error: { code: 'conflict' } });
  });

  it('replays from the start once per Idempotency-Key, and refuses the key for a different request', async () => {
    const failed = await failedRun(caller.workspaceId);
    const headers = { 'idempotency-key': 'queue-replay' };
    const request = { runIds: [failed.runId], from: 'start' };
    const first = await suite.check('replayFailureQueue', await replay(request, headers));
    expect(first.results[0]).toMatchObject({ ok: true, replay: { replayOf: failed.runId, from: 'start' } });
    const repeated = await replay(request, headers);
    expect(repeated.headers.get('idempotent-replayed')).toBe('true');
    expect(await suite.check('replayFailureQueue', repeated)).toEqual(first);
    const reused = await replay({ runIds: [failed.runId], from: 'failed_step' }, headers);
    expect(reused.status).toBe(422);
    expect((await suite.check('replayFailureQueue', reused)).error.code).toBe('idempotency_key_reused');
    const runs = await test.db
      .selectFrom('workflow_runs')
      .select('id')
      .where('workflow_id', '=', failed.workflowId)
      .execute();
    expect(runs).toHaveLength(2);
  });

  it('asks a repeat to retry while the first request with its key is still running', async () => {
    const failed = await failedRun(caller.workspaceId);
    const request = { runIds: [failed.runId], from: 'start' };
    await test.db
      .insertInto('idempotency_keys')
      .values({
        workspace_id: caller.workspaceId,
        key: 'queue-in-flight',
        operation_id: 'replayFailureQueue',
        request_hash: hashRequest('POST', '/api/v1/failure-queue/replay', request),
        status: 'pending',
        created_at: new Date(),
      })
      .execute();
    const response = await replay(request, { 'idempotency-key': 'queue-in-flight' });
    expect(response.status).toBe(409);
    expect((await suite.check('replayFailureQueue', response)).error.code).toBe('idempotency_key_in_use');
    expect(idsOf(await suite.check('listFailureQueue', await list()))).toEqual([failed.runId]);
  });
});
