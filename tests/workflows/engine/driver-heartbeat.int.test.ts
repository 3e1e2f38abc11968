import { randomUUID } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import type { IncomingMessage } from 'node:http';
import { hostname } from 'node:os';
import { sql } from 'kysely';
import pino from 'pino';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { jobDefinitions } from '@/lib/jobs/definitions';
import { advanceRun, type EngineDeps } from '@/lib/workflows/engine/advance-run';
import {
  createEmbeddedDriver,
  type EmbeddedDriver,
  type EmbeddedDriverOptions,
} from '@/lib/workflows/engine/embedded-driver';
import { claimDueRuns } from '@/lib/workflows/engine/run-leases';
import { guardedFetch } from '@/lib/workflows/egress/guarded-fetch';
import { createRun } from '@/lib/workflows/runs/create-run';
import { getRun } from '@/lib/workflows/runs/get-run';
import { stepRegistry } from '@/lib/workflows/steps';
import { seedMember, type Seeded } from '../../accounts/seed';
import { type LocalServer, startLocalServer } from '../../helpers/http-server';
import { createTestDb, type TestDb } from '../../helpers/test-db';
import { seedWorkflow } from '../fixtures';

let t: TestDb;
let owner: Seeded;
let upstream: LocalServer;
let drivers: EmbeddedDriver[] = [];
/** Charges the upstream applied, by idempotency key (a repeated key replays the first answer, like Stripe). */
const applied = new Map<string, number>();
/** Requests to /slow wait here until the test lets them through. */
let releaseSlow: () => void = () => undefined;
let slowGate = Promise.resolve();

const readBody = (req: IncomingMessage) =>
  new Promise<void>((resolve) => {
    req.on('data', () => undefined);
    req.on('end', () => resolve());
  });

beforeAll(async () => {
  t = await createTestDb();
  owner = await seedMember(t.db, 'owner');
  upstream = await startLocalServer(async (req, res) => {
    await readBody(req);
    if (req.url === '/slow') await slowGate;
    const key = String(req.headers['idempotency-key'] ?? '');
    if (!applied.has(key)) applied.set(key, applied.size + 1);
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ charge: applied.get(key) }));
  });
});
afterAll(async () => {
  await upstream.close();
  await t.close();
});
afterEach(async () => {
  releaseSlow();
  await Promise.all(drivers.map((driver) => driver.stop()));
  drivers = [];
});

function deps(extra: Partial<EngineDeps> = {}): EngineDeps {
  return {
    steps: stepRegistry,
    fetch: (url, init) => guardedFetch(url, init, { allowlist: new URL(upstream.url).hostname }),
    credential: async () => ({}),
    ...extra,
  };
}

function startDriver(options: Partial<EmbeddedDriverOptions> & { identity: string }): EmbeddedDriver {
  const driver = createEmbeddedDriver({ getDb: async () => t.db, deps: deps(), pollMs: 50, ...options });
  drivers.push(driver);
  return driver;
}

async function until<T>(probe: () => Promise<T | undefined | false>, what: string, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

const finished = (runId: string) =>
  until(async () => {
    const run = await getRun(t.db, owner.scope, runId);
    return ['succeeded', 'failed'].includes(run.status) && run;
  }, `run ${runId} to finish`);

const callsWithKey = (key: string) => upstream.requests.filter((request) => request.headers['idempotency-key'] === key);
const attempts = (run: Awaited<ReturnType<typeof getRun>>) =>
  run.stepRuns.map((s) => [s.attempt, s.status, (s.error as { code?: string } | null)?.code ?? null]);

/**
 * A driver that claimed a run, made the step's outbound call and was killed before it could record the result:
 * its heartbeat row (last beat `beatAgoMs` ago), a 120 s lease naming it, the step's attempt left `running`.
 */
async function runOfKilledDriver(identity: string, { beatAgoMs, pid }: { beatAgoMs: number; pid: number }) {
  const workflow = await seedWorkflow(t.db, owner.workspaceId, {
    steps: [{ id: 'charge', type: 'http_request', config: { method: 'POST', url: `${upstream.url}/charge` } }],
  });
  const run = await createRun(t.db, {
    workspaceId: owner.workspaceId,
    workflowId: workflow.id,
    trigger: 'manual',
    dispatch: false,
  });
  const driverId = randomUUID();
  await t.db
    .insertInto('driver_heartbeats')
    .values({
      driver_id: driverId,
      identity,
      hostname: hostname(),
      pid,
      beat_at: sql`now() - make_interval(secs => ${beatAgoMs / 1000})`,
    })
    .execute();
  const leased = await t.db
    .updateTable('workflow_runs')
    .set({ lease_owner: driverId, lease_until: sql`now() + interval '120 seconds'` })
    .where('id', '=', run.id)
    .returning('lease_until')
    .executeTakeFirstOrThrow();
  // NOTE: the killed process never gets past its call: the hook after the side effect never returns.
  void advanceRun(t.db, run.id, deps({ afterExecute: () => new Promise<void>(() => undefined) }));
  await until(async () => callsWithKey(`${run.id}:charge`).length === 1, 'the first call');
  return { runId: run.id, driverId, leaseUntil: leased.lease_until! };
}

/** A pid that no process has (a child that already exited). */
const deadPid = () => spawnSync(process.execPath, ['-e', '0']).pid!;

describe('driver heartbeats and leases', () => {
  it('takes over a run whose driver stopped beating, long before its 120 s lease runs out, with the same Idempotency-Key', async () => {
    const killed = await runOfKilledDriver('node-a', { beatAgoMs: 60_000, pid: deadPid() });
    startDriver({ identity: 'node-b', heartbeatMs: 1_000, staleAfterMs: 15_000 });

    const done = await finished(killed.runId);
    expect(done.status).toBe('succeeded');
    expect(done.finishedAt!.getTime()).toBeLessThan(killed.leaseUntil.getTime());
    expect(attempts(done)).toEqual([
      [1, 'failed', 'interrupted'],
      [2, 'succeeded', null],
    ]);
    expect(callsWithKey(`${killed.runId}:charge`)).toHaveLength(2);
  });

  it('never takes a run from a live driver whose step is slow, even after the lease it was first given has run out', async () => {
    slowGate = new Promise<void>((resolve) => (releaseSlow = resolve));
    const workflow = await seedWorkflow(t.db, owner.workspaceId, {
      steps: [{ id: 'slow', type: 'http_request', config: { method: 'POST', url: `${upstream.url}/slow` } }],
    });
    const run = await createRun(t.db, {
      workspaceId: owner.workspaceId,
      workflowId: workflow.id,
      trigger: 'manual',
      dispatch: false,
    });
    const config = { leaseMs: 2_000, heartbeatMs: 100, staleAfterMs: 15_000 };
    startDriver({ identity: 'node-a', ...config });
    startDriver({ identity: 'node-b', ...config });

    await until(async () => callsWithKey(`${run.id}:slow`).length > 0, 'the slow call');
    const first = await t.db
      .selectFrom('workflow_runs')
      .select(['lease_owner', 'lease_until'])
      .where('id', '=', run.id)
      .executeTakeFirstOrThrow();
    await until(async () => {
      const { rows } = await sql<{
        passed: boolean;
      }>`select now() > ${first.lease_until}::timestamptz + interval '2 seconds' as passed`.execute(t.db);
      return rows[0]!.passed;
    }, 'the first lease to be long over');
    const held = await t.db
      .selectFrom('workflow_runs')
      .select(['lease_owner', 'lease_until'])
      .where('id', '=', run.id)
      .executeTakeFirstOrThrow();
    expect(held.lease_owner).toBe(first.lease_owner);
    expect(held.lease_until!.getTime()).toBeGreaterThan(first.lease_until!.getTime());

    releaseSlow();
    const done = await finished(run.id);
    expect(done.status).toBe('succeeded');
    expect(attempts(done)).toEqual([[1, 'succeeded', null]]);
    expect(callsWithKey(`${run.id}:slow`)).toHaveLength(1);
  });

  it('reclaims the leases of its previous incarnation at start when it restarts with the same identity', async () => {
    const killed = await runOfKilledDriver('node-r', { beatAgoMs: 0, pid: deadPid() });
    // Its last beat is fresh, so a driver of another node leaves the run alone.
    expect(
      await claimDueRuns(t.db, { driverId: randomUUID(), leaseMs: 120_000, staleAfterMs: 15_000 }, 50),
    ).not.toContain(killed.runId);

    startDriver({ identity: 'node-r', heartbeatMs: 1_000, staleAfterMs: 60_000 });
    const done = await finished(killed.runId);
    expect(done.status).toBe('succeeded');
    expect(done.finishedAt!.getTime()).toBeLessThan(killed.leaseUntil.getTime());
    expect(attempts(done)).toEqual([
      [1, 'failed', 'interrupted'],
      [2, 'succeeded', null],
    ]);
    expect(callsWithKey(`${killed.runId}:charge`)).toHaveLength(2);
    expect(
      await t.db
        .selectFrom('driver_heartbeats')
        .select('driver_id')
        .where('driver_id', '=', killed.driverId)
        .executeTakeFirst(),
    ).toBeUndefined();
  });

  it('leaves the leases of a live process that shares its identity until that process stops beating', async () => {
    const sibling = await runOfKilledDriver('node-s', { beatAgoMs: 0, pid: process.ppid });
    const driver = startDriver({ identity: 'node-s', heartbeatMs: 1_000, staleAfterMs: 15_000 });
    await until(
      () =>
        t.db
          .selectFrom('driver_heartbeats')
          .select('driver_id')
          .where('driver_id', '=', driver.driverId)
          .executeTakeFirst(),
      'the new driver to register',
    );
    expect(
      await t.db
        .selectFrom('driver_heartbeats')
        .select('driver_id')
        .where('driver_id', '=', sibling.driverId)
        .executeTakeFirst(),
    ).toBeDefined();
    await driver.drain();
    expect((await getRun(t.db, owner.scope, sibling.runId)).status).toBe('running');
    expect(callsWithKey(`${sibling.runId}:charge`)).toHaveLength(1);

    await t.db
      .updateTable('driver_heartbeats')
      .set({ beat_at: sql`now() - interval '1 minute'` })
      .where('driver_id', '=', sibling.driverId)
      .execute();
    const done = await finished(sibling.runId);
    expect(done.status).toBe('succeeded');
    expect(callsWithKey(`${sibling.runId}:charge`)).toHaveLength(2);
  });

  it('removes its heartbeat when it stops, and the hourly job forgets drivers silent for a day', async () => {
    const driver = startDriver({ identity: 'node-p', heartbeatMs: 1_000 });
    await until(
      () =>
        t.db
          .selectFrom('driver_heartbeats')
          .select('driver_id')
          .where('driver_id', '=', driver.driverId)
          .executeTakeFirst(),
      'the driver to register',
    );
    await driver.stop();
    drivers = [];
    expect(
      await t.db
        .selectFrom('driver_heartbeats')
        .select('driver_id')
        .where('driver_id', '=', driver.driverId)
        .executeTakeFirst(),
    ).toBeUndefined();

    const old = randomUUID();
    const recent = randomUUID();
    await t.db
      .insertInto('driver_heartbeats')
      .values([
        { driver_id: old, identity: 'gone', hostname: 'h', pid: 1, beat_at: sql`now() - interval '2 days'` },
        { driver_id: recent, identity: 'quiet', hostname: 'h', pid: 1, beat_at: sql`now() - interval '2 hours'` },
      ])
      .execute();
    const job = jobDefinitions.find((candidate) => candidate.id === 'driver-heartbeat-prune')!;
    expect(await job.run({ db: t.db, now: new Date(), logger: pino({ level: 'silent' }) })).toEqual({ deleted: 1 });
    const left = await t.db
      .selectFrom('driver_heartbeats')
      .select('driver_id')
      .where('driver_id', 'in', [old, recent])
      .execute();
    expect(left.map((row) => row.driver_id)).toEqual([recent]);
  });
});
