import type { IncomingMessage } from 'node:http';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { EngineDeps } from '@/lib/workflows/engine/advance-run';
import { type EmbeddedDriver, startEmbeddedDriver } from '@/lib/workflows/engine/embedded-driver';
import { claimDueRuns } from '@/lib/workflows/engine/run-leases';
import { guardedFetch } from '@/lib/workflows/egress/guarded-fetch';
import { createRun } from '@/lib/workflows/runs/create-run';
import { getRun } from '@/lib/workflows/runs/get-run';
import { stepRegistry } from '@/lib/workflows/steps';
import { seedMember, type Seeded } from '../accounts/seed';
import { type LocalServer, startLocalServer } from '../helpers/http-server';
import { createTestDb, type TestDb } from '../helpers/test-db';
import { seedWorkflow } from './fixtures';

let t: TestDb;
let owner: Seeded;
let payments: LocalServer;
let driver: EmbeddedDriver | undefined;
/** Effects the payment server applied, by idempotency key (like Stripe: a repeated key replays the first answer). */
const applied = new Map<string, number>();
let charges = 0;

const readBody = (req: IncomingMessage) =>
  new Promise<string>((resolve) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => resolve(body));
  });

beforeAll(async () => {
  t = await createTestDb();
  owner = await seedMember(t.db, 'owner');
  payments = await startLocalServer(async (req, res) => {
    await readBody(req);
    const key = String(req.headers['idempotency-key'] ?? '');
    if (!applied.has(key)) applied.set(key, ++charges);
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ charge: applied.get(key) }));
  });
});
afterAll(async () => {
  await payments.close();
  await t.close();
});
afterEach(async () => {
  await driver?.stop();
  driver = undefined;
});

function deps(extra: Partial<EngineDeps> = {}): EngineDeps {
  const allowlist = new URL(payments.url).hostname;
  return {
    steps: stepRegistry,
    fetch: (url, init) => guardedFetch(url, init, { allowlist }),
    credential: async () => ({}),
    ...extra,
  };
}

async function waitForStatus(runId: string, statuses: string[], timeoutMs = 15_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const run = await getRun(t.db, owner.scope, runId);
    if (statuses.includes(run.status)) return run;
    if (Date.now() > deadline) throw new Error(`run ${runId} is still ${run.status}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

describe('the embedded driver', () => {
  it('picks up a new run at once (no polling delay) and drives it to the end', async () => {
    const workflow = await seedWorkflow(t.db, owner.workspaceId, {
      steps: [
        { id: 'ping', type: 'http_request', config: { method: 'POST', url: `${payments.url}/ping` } },
        { id: 'shape', type: 'transform', config: { value: { hello: '{{trigger.payload.name}}' } } },
        { id: 'note', type: 'log', config: { message: '{{steps.shape.output.hello}}' } },
      ],
    });
    driver = startEmbeddedDriver({ getDb: async () => t.db, deps: deps(), pollMs: 60_000 });
    await driver.drain();
    const startedAt = Date.now();
    const run = await createRun(t.db, {
      workspaceId: owner.workspaceId,
      workflowId: workflow.id,
      trigger: 'manual',
      payload: { name: 'Ada' },
    });
    const done = await waitForStatus(run.id, ['succeeded', 'failed']);
    expect(done.status).toBe('succeeded');
    expect(Date.now() - startedAt).toBeLessThan(10_000);
    expect(done.stepRuns.map((s) => s.output).slice(1)).toEqual([{ hello: 'Ada' }, { message: 'Ada', level: 'info' }]);
  });

  it('applies a side effect exactly once when the step fails after it and is retried', async () => {
    const workflow = await seedWorkflow(t.db, owner.workspaceId, {
      steps: [
        {
          id: 'charge',
          type: 'http_request',
          config: { method: 'POST', url: `${payments.url}/charges`, body: { amount: 4000 } },
        },
      ],
      settings: { retry: { maxAttempts: 3, initialDelayMs: 100, maxDelayMs: 1_000 } },
    });
    let crashes = 0;
    driver = startEmbeddedDriver({
      getDb: async () => t.db,
      pollMs: 50,
      deps: deps({
        afterExecute: () => {
          if (crashes++ === 0) throw new Error('crash after the side effect, before the result was recorded');
        },
      }),
    });
    const before = charges;
    const run = await createRun(t.db, { workspaceId: owner.workspaceId, workflowId: workflow.id, trigger: 'manual' });
    const done = await waitForStatus(run.id, ['succeeded', 'failed']);
    expect(done.status).toBe('succeeded');
    const calls = payments.requests.filter((r) => r.headers['idempotency-key'] === `${run.id}:charge`);
    expect(calls).toHaveLength(2);
    expect(charges - before).toBe(1);
    expect(done.stepRuns.map((s) => [s.attempt, s.status])).toEqual([
      [1, 'failed'],
      [2, 'succeeded'],
    ]);
  });

  it('reclaims a run whose driver died mid-step once its lease runs out, counting the lost attempt', async () => {
    const workflow = await seedWorkflow(t.db, owner.workspaceId, {
      steps: [{ id: 'call', type: 'http_request', config: { method: 'POST', url: `${payments.url}/again` } }],
    });
    const run = await createRun(t.db, {
      workspaceId: owner.workspaceId,
      workflowId: workflow.id,
      trigger: 'manual',
      dispatch: false,
    });
    await t.db
      .updateTable('workflow_runs')
      .set({ status: 'running', attempt: 1, lease_until: new Date(Date.now() + 60_000) })
      .where('id', '=', run.id)
      .execute();
    await t.db
      .insertInto('workflow_step_runs')
      .values({
        run_id: run.id,
        workspace_id: owner.workspaceId,
        step_id: 'call',
        step_type: 'http_request',
        attempt: 1,
        status: 'running',
      })
      .execute();
    expect(await claimDueRuns(t.db, { driverId: 'probe', leaseMs: 1_000, staleAfterMs: 15_000 }, 10)).not.toContain(
      run.id,
    );

    await t.db
      .updateTable('workflow_runs')
      .set({ lease_until: new Date(Date.now() - 1_000) })
      .where('id', '=', run.id)
      .execute();
    driver = startEmbeddedDriver({ getDb: async () => t.db, deps: deps(), pollMs: 50 });
    const done = await waitForStatus(run.id, ['succeeded', 'failed']);
    expect(done.status).toBe('succeeded');
    expect(
      done.stepRuns.map((s) => [s.attempt, s.status, (s.error as { code?: string } | null)?.code ?? null]),
    ).toEqual([
      [1, 'failed', 'interrupted'],
      [2, 'succeeded', null],
    ]);
  });

  it('loses no run when many arrive at once', async () => {
    const workflow = await seedWorkflow(t.db, owner.workspaceId, {
      steps: [
        { id: 'ping', type: 'http_request', config: { method: 'POST', url: `${payments.url}/ping` } },
        { id: 'shape', type: 'transform', config: { value: '{{trigger.payload.n}}' } },
      ],
      settings: { concurrency: 100 },
    });
    driver = startEmbeddedDriver({ getDb: async () => t.db, deps: deps(), pollMs: 100, concurrency: 4 });
    const runs = await Promise.all(
      Array.from({ length: 40 }, (_, n) =>
        createRun(t.db, { workspaceId: owner.workspaceId, workflowId: workflow.id, trigger: 'manual', payload: { n } }),
      ),
    );
    const done = await Promise.all(runs.map((run) => waitForStatus(run.id, ['succeeded', 'failed'], 30_000)));
    expect(done.every((run) => run.status === 'succeeded')).toBe(true);
    expect(done.map((run) => run.stepRuns[1]!.output).sort((a, b) => Number(a) - Number(b))).toEqual(
      Array.from({ length: 40 }, (_, n) => n),
    );
  });

  it('refuses a request to a private address at run time, without retrying', async () => {
    const workflow = await seedWorkflow(t.db, owner.workspaceId, {
      steps: [{ id: 'call', type: 'http_request', config: { url: '{{trigger.payload.url}}' } }],
    });
    driver = startEmbeddedDriver({
      getDb: async () => t.db,
      deps: { ...deps(), fetch: (url, init) => guardedFetch(url, init, { allowlist: '' }) },
      pollMs: 50,
    });
    const run = await createRun(t.db, {
      workspaceId: owner.workspaceId,
      workflowId: workflow.id,
      trigger: 'manual',
      payload: { url: `${payments.url}/steal` },
    });
    const done = await waitForStatus(run.id, ['succeeded', 'failed']);
    expect(done.status).toBe('failed');
    expect(done.error).toMatchObject({ code: 'egress_refused', attempts: 1 });
    expect(payments.requests.some((r) => r.url === '/steal')).toBe(false);
  });
});
