import 'server-only';
// Run leases of the embedded driver: claiming due runs (FOR UPDATE SKIP LOCKED) and giving them back.
import { sql } from 'kysely';
import type { Db } from '@/db/client';

/** Who claims: the driver's id (null without heartbeats), the lease length, and when a silent driver counts as dead. */
export type LeaseHolder = { driverId: string | null; leaseMs: number; staleAfterMs: number | null };

/**
 * Claims up to `limit` due runs. A run is free when it has no lease, its lease expired (a driver that lost track of
 * it), or the driver named on the lease has not beaten for `staleAfterMs` (a crashed driver; its row may be gone).
 */
export async function claimDueRuns(db: Db, holder: LeaseHolder, limit: number): Promise<string[]> {
  const ownerSilent =
    holder.staleAfterMs === null
      ? sql``
      : sql`or (r.lease_owner is not null and not exists (
          select 1 from driver_heartbeats h
          where h.driver_id = r.lease_owner and h.beat_at > now() - make_interval(secs => ${holder.staleAfterMs / 1000})))`;
  const result = await sql<{ id: string }>`
    update workflow_runs set lease_until = now() + make_interval(secs => ${holder.leaseMs / 1000}), lease_owner = ${holder.driverId}
    where id in (
      select r.id from workflow_runs r
      where r.status in ('queued', 'running') and r.wake_at <= now()
        and (r.lease_until is null or r.lease_until < now() ${ownerSilent})
      order by r.wake_at
      limit ${limit}
      for update of r skip locked
    )
    returning id`.execute(db);
  return result.rows.map((row) => row.id);
}

/** Gives a run back to the queue; with a driver id, only while that driver still holds it. */
export async function releaseRun(db: Db, runId: string, driverId: string | null = null): Promise<void> {
  let query = db.updateTable('workflow_runs').set({ lease_until: null, lease_owner: null }).where('id', '=', runId);
  if (driverId) query = query.where('lease_owner', '=', driverId);
  await query.execute();
}
