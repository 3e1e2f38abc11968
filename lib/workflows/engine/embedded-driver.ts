import 'server-only';
// The embedded driver (no Inngest configured): claims due runs from Postgres with FOR UPDATE SKIP LOCKED under a
// lease, advances each until it must wait, and wakes at once when a run is created in this process.
import { sql } from 'kysely';
import type { Db } from '@/db/client';
import { logger } from '@/lib/logger';
import { type Advance, advanceRun, type EngineDeps } from './advance-run';
import { registerEmbeddedDriver } from './dispatch';

export type EmbeddedDriverOptions = {
  getDb: () => Promise<Db>;
  deps: EngineDeps;
  /** Runs advanced at once. */
  concurrency?: number;
  /** Fallback poll for sleeping runs and runs created by other instances. */
  pollMs?: number;
  leaseMs?: number;
  /** Most steps one claim advances before the run goes back to the queue (fairness). */
  maxStepsPerClaim?: number;
};

export type EmbeddedDriver = { wake: () => void; stop: () => Promise<void>; drain: () => Promise<void> };

/** Claims up to `limit` due runs for `leaseMs`; an expired lease (a crashed driver) makes a run claimable again. */
export async function claimDueRuns(db: Db, limit: number, leaseMs: number): Promise<string[]> {
  const result = await sql<{ id: string }>`
    update workflow_runs set lease_until = now() + make_interval(secs => ${leaseMs / 1000})
    where id in (
      select id from workflow_runs
      where status in ('queued', 'running') and wake_at <= now() and (lease_until is null or lease_until < now())
      order by wake_at
      limit ${limit}
      for update skip locked
    )
    returning id`.execute(db);
  return result.rows.map((row) => row.id);
}

export async function releaseRun(db: Db, runId: string): Promise<void> {
  await db.updateTable('workflow_runs').set({ lease_until: null }).where('id', '=', runId).execute();
}

/** Advances one claimed run until it has to wait; returns the last instruction. */
export async function driveRun(db: Db, runId: string, deps: EngineDeps, maxSteps = 200): Promise<Advance> {
  let advance: Advance = { kind: 'continue' };
  try {
    for (let step = 0; step < maxSteps && advance.kind === 'continue'; step++) advance = await advanceRun(db, runId, deps);
  } finally {
    // NOTE: a finished run's lease was cleared with its final state; anything else goes back to the queue.
    if (advance.kind !== 'finished') await releaseRun(db, runId);
  }
  return advance;
}

const globalForDriver = globalThis as unknown as { levqorEmbeddedDriver?: EmbeddedDriver };

export function startEmbeddedDriver({ getDb, deps, concurrency = 16, pollMs = 1_000, leaseMs = 120_000, maxStepsPerClaim = 200 }: EmbeddedDriverOptions): EmbeddedDriver {
  if (globalForDriver.levqorEmbeddedDriver) return globalForDriver.levqorEmbeddedDriver;
  let stopped = false;
  let woken = false;
  let timer: NodeJS.Timeout | undefined;
  let loop: Promise<void> | null = null;
  const active = new Set<Promise<void>>();

  async function runLoop(): Promise<void> {
    const db = await getDb();
    do {
      woken = false;
      const free = concurrency - active.size;
      const claimed = free > 0 ? await claimDueRuns(db, free, leaseMs) : [];
      for (const runId of claimed) {
        const task = driveRun(db, runId, deps, maxStepsPerClaim)
          .then(() => undefined)
          .catch((error: unknown) => logger.error({ err: error, run_id: runId }, 'embedded driver: run failed to advance'))
          .finally(() => {
            active.delete(task);
            schedule(0);
          });
        active.add(task);
      }
      if (claimed.length === 0 && !woken) break;
      if (active.size >= concurrency) await Promise.race(active);
    } while (!stopped);
  }

  function schedule(delayMs: number): void {
    if (stopped) return;
    if (loop) {
      woken = true;
      return;
    }
    clearTimeout(timer);
    timer = setTimeout(() => {
      loop = runLoop()
        .catch((error: unknown) => logger.error({ err: error }, 'embedded driver: claim failed'))
        .finally(() => {
          loop = null;
          schedule(woken ? 0 : pollMs);
        });
    }, delayMs);
    timer.unref();
  }

  const driver: EmbeddedDriver = {
    wake: () => schedule(0),
    async drain() {
      while (loop || active.size > 0) await Promise.all([loop, ...active]);
    },
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await Promise.all([loop, ...active]);
      registerEmbeddedDriver(undefined);
      if (globalForDriver.levqorEmbeddedDriver === driver) globalForDriver.levqorEmbeddedDriver = undefined;
    },
  };
  globalForDriver.levqorEmbeddedDriver = driver;
  registerEmbeddedDriver(driver);
  schedule(0);
  logger.info({ concurrency, poll_ms: pollMs }, 'embedded workflow driver started');
  return driver;
}
