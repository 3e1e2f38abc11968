import 'server-only';
// The embedded driver (no Inngest configured): claims due runs from Postgres with FOR UPDATE SKIP LOCKED under a
// lease that names it, beats a heartbeat row while it lives, advances each run until it must wait, and wakes at once
// when a run is created in this process.
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { Db } from '@/db/client';
import { getEnv } from '@/lib/env';
import { logger } from '@/lib/logger';
import { type Advance, advanceRun, type EngineDeps } from './advance-run';
import { registerEmbeddedDriver } from './dispatch';
import { beatDriver, type DriverRecord, registerDriver, retireDriver } from './driver-heartbeat';
import { driverIdentity } from './driver-identity';
import { claimDueRuns, type LeaseHolder, releaseRun } from './run-leases';

export type EmbeddedDriverOptions = {
  getDb: () => Promise<Db>;
  deps: EngineDeps;
  /** Runs advanced at once. */
  concurrency?: number;
  /** Fallback poll for sleeping runs and runs created by other instances. */
  pollMs?: number;
  /** A claim's lease; heartbeats renew it while the run is driven, so it only ends the lease of a run nobody drives. */
  leaseMs?: number;
  /** Most steps one claim advances before the run goes back to the queue (fairness). */
  maxStepsPerClaim?: number;
  /** How often the driver beats; 0 turns heartbeats off (leases are then freed only by running out). */
  heartbeatMs?: number;
  /** A lease whose driver has not beaten for this long may be taken by any driver (default 3 beats). */
  staleAfterMs?: number;
  /** The node this process runs as (default: host, data folder, database); a restart reclaims its old leases. */
  identity?: string;
};

export type EmbeddedDriver = {
  driverId: string;
  wake: () => void;
  stop: () => Promise<void>;
  drain: () => Promise<void>;
};

/** Advances one claimed run until it has to wait; returns the last instruction. */
export async function driveRun(
  db: Db,
  runId: string,
  deps: EngineDeps,
  { maxSteps = 200, driverId = null }: { maxSteps?: number; driverId?: string | null } = {},
): Promise<Advance> {
  let advance: Advance = { kind: 'continue' };
  try {
    for (let step = 0; step < maxSteps && advance.kind === 'continue'; step++)
      advance = await advanceRun(db, runId, deps);
  } finally {
    // NOTE: a finished run's lease was cleared with its final state; anything else goes back to the queue.
    if (advance.kind !== 'finished') await releaseRun(db, runId, driverId);
  }
  return advance;
}

const globalForDriver = globalThis as unknown as { levqorEmbeddedDriver?: EmbeddedDriver };

/** The process's one driver, woken when a run is created here. */
export function startEmbeddedDriver(options: EmbeddedDriverOptions): EmbeddedDriver {
  if (globalForDriver.levqorEmbeddedDriver) return globalForDriver.levqorEmbeddedDriver;
  const inner = createEmbeddedDriver(options);
  const driver: EmbeddedDriver = {
    ...inner,
    async stop() {
      await inner.stop();
      registerEmbeddedDriver(undefined);
      if (globalForDriver.levqorEmbeddedDriver === driver) globalForDriver.levqorEmbeddedDriver = undefined;
    },
  };
  globalForDriver.levqorEmbeddedDriver = driver;
  registerEmbeddedDriver(driver);
  return driver;
}

/** A driver of its own (several may share a database, in one process or many). */
export function createEmbeddedDriver(options: EmbeddedDriverOptions): EmbeddedDriver {
  const {
    getDb,
    deps,
    concurrency = 16,
    pollMs = 1_000,
    leaseMs = 120_000,
    maxStepsPerClaim = 200,
    heartbeatMs = 5_000,
  } = options;
  const self: DriverRecord = {
    driverId: randomUUID(),
    identity: options.identity ?? driverIdentity(getEnv()),
    hostname: hostname(),
    pid: process.pid,
  };
  const beats = heartbeatMs > 0;
  // NOTE: without heartbeats the lease names nobody, or a driver that does beat would take it as a dead one's.
  const holder: LeaseHolder = {
    driverId: beats ? self.driverId : null,
    leaseMs,
    staleAfterMs: beats ? (options.staleAfterMs ?? heartbeatMs * 3) : null,
  };
  let stopped = false;
  let woken = false;
  let timer: NodeJS.Timeout | undefined;
  let beatTimer: NodeJS.Timeout | undefined;
  let loop: Promise<void> | null = null;
  let beating: Promise<void> | null = null;
  let registered: Promise<void> | null = null;
  const active = new Set<Promise<void>>();
  const activeRuns = new Set<string>();

  // NOTE: the row exists before the first claim, so no other driver can take a fresh lease of ours for a dead one's.
  function register(db: Db): Promise<void> {
    registered ??= (beats ? registerDriver(db, self) : Promise.resolve({ predecessors: 0 }))
      .then(({ predecessors }) => {
        if (predecessors > 0)
          logger.warn(
            { driver_id: self.driverId, predecessors },
            'embedded driver: reclaiming the leases of its previous incarnation',
          );
        if (beats) scheduleBeat();
      })
      .catch((error: unknown) => {
        registered = null;
        throw error;
      });
    return registered;
  }

  function scheduleBeat(): void {
    if (stopped) return;
    beatTimer = setTimeout(() => {
      beating = getDb()
        .then((db) => beatDriver(db, self, [...activeRuns], leaseMs))
        .catch((error: unknown) =>
          logger.warn({ err: error, driver_id: self.driverId }, 'embedded driver: heartbeat failed'),
        )
        .finally(() => {
          beating = null;
          scheduleBeat();
        });
    }, heartbeatMs);
    beatTimer.unref();
  }

  async function runLoop(): Promise<void> {
    const db = await getDb();
    await register(db);
    do {
      woken = false;
      const free = concurrency - active.size;
      const claimed = free > 0 ? await claimDueRuns(db, holder, free) : [];
      for (const runId of claimed) {
        activeRuns.add(runId);
        const task = driveRun(db, runId, deps, { maxSteps: maxStepsPerClaim, driverId: holder.driverId })
          .then(() => undefined)
          .catch((error: unknown) =>
            logger.error({ err: error, run_id: runId }, 'embedded driver: run failed to advance'),
          )
          .finally(() => {
            activeRuns.delete(runId);
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
    driverId: self.driverId,
    wake: () => schedule(0),
    async drain() {
      while (loop || active.size > 0) await Promise.all([loop, ...active]);
    },
    async stop() {
      stopped = true;
      clearTimeout(timer);
      clearTimeout(beatTimer);
      await Promise.all([loop, beating, ...active]);
      if (beats && registered)
        await retireDriver(await getDb(), self.driverId).catch((error: unknown) =>
          logger.warn({ err: error }, 'embedded driver: could not retire its heartbeat'),
        );
    },
  };
  schedule(0);
  logger.info(
    { concurrency, poll_ms: pollMs, heartbeat_ms: heartbeatMs, driver_id: self.driverId },
    'embedded workflow driver started',
  );
  return driver;
}
