import 'server-only';
// Driver heartbeats: each embedded driver registers a row, beats it every few seconds (renewing the leases of the runs
// it is driving in the same statement) and deletes it when it stops. A lease whose driver stopped beating is free.
import { sql } from 'kysely';
import type { Db } from '@/db/client';

export type DriverRecord = { driverId: string; identity: string; hostname: string; pid: number };

/**
 * Registers a starting driver. Earlier rows with the same identity are its previous incarnations (a crash, a
 * `kill -9`, a restarted container) and are deleted, which frees their leases at once; a row of a process still
 * alive on this host (a sibling sharing the identity) is kept, and its leases are taken only once it stops beating.
 */
export async function registerDriver(
  db: Db,
  driver: DriverRecord,
  isAlive = isProcessAlive,
): Promise<{ predecessors: number }> {
  const earlier = await db
    .selectFrom('driver_heartbeats')
    .select(['driver_id', 'hostname', 'pid'])
    .where('identity', '=', driver.identity)
    .where('driver_id', '<>', driver.driverId)
    .execute();
  // NOTE: the same pid on the same host is our own number reused (pid 1 in a restarted container), so it is dead.
  const dead = earlier
    .filter((row) => row.hostname !== driver.hostname || row.pid === driver.pid || !isAlive(row.pid))
    .map((row) => row.driver_id);
  if (dead.length > 0) await db.deleteFrom('driver_heartbeats').where('driver_id', 'in', dead).execute();
  await beatDriver(db, driver, [], 0);
  return { predecessors: dead.length };
}

/** One beat: the driver's row says it is alive now, and the leases of the runs it is driving are extended. */
export async function beatDriver(
  db: Db,
  driver: DriverRecord,
  activeRunIds: readonly string[],
  leaseMs: number,
): Promise<void> {
  const beat = db
    .insertInto('driver_heartbeats')
    .values({
      driver_id: driver.driverId,
      identity: driver.identity,
      hostname: driver.hostname,
      pid: driver.pid,
      beat_at: sql`now()`,
    })
    .onConflict((oc) => oc.column('driver_id').doUpdateSet({ beat_at: sql`now()` }))
    .returning('driver_id');
  if (activeRunIds.length === 0) {
    await beat.execute();
    return;
  }
  await db
    .with('beat', () => beat)
    .updateTable('workflow_runs')
    .set({ lease_until: sql`now() + make_interval(secs => ${leaseMs / 1000})` })
    .where('id', 'in', activeRunIds)
    .where('lease_owner', '=', driver.driverId)
    .where('status', 'in', ['queued', 'running'])
    .execute();
}

/** A driver that stopped cleanly (its runs released) removes its row. */
export async function retireDriver(db: Db, driverId: string): Promise<void> {
  await db.deleteFrom('driver_heartbeats').where('driver_id', '=', driverId).execute();
}

/** Forgets drivers that have not beaten since `before` (their leases were free long ago). */
export async function pruneDriverHeartbeats(db: Db, before: Date): Promise<{ deleted: number }> {
  const deleted = await db.deleteFrom('driver_heartbeats').where('beat_at', '<', before).executeTakeFirst();
  return { deleted: Number(deleted.numDeletedRows) };
}

function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // NOTE: EPERM means the process exists but belongs to another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
