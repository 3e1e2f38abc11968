import 'server-only';
// Uptime from the heartbeat job's rows: a minute is up when a heartbeat in it was not `down`; a minute with no
// heartbeat at all (the app or its scheduler was not running) counts as down.
import { sql } from 'kysely';
import type { Db } from '@/db/client';

export type Uptime = { from: Date; to: Date; expectedMinutes: number; upMinutes: number; uptimePct: number | null };

const MINUTE_MS = 60_000;
const minute = sql<number>`floor(extract(epoch from created_at) / 60)::bigint`;

/**
 * Counts whole minutes from the later of `from` and the first heartbeat ever recorded, up to the minute before `to`
 * (the current minute's heartbeat may not have run yet). Null when no minute can be judged yet.
 */
export async function getUptime(db: Db, from: Date, to: Date): Promise<Uptime> {
  const first = await db
    .selectFrom('heartbeats')
    .select(sql<Date | null>`min(created_at)`.as('first'))
    .executeTakeFirst();
  const firstAt = first?.first ? new Date(first.first) : null;
  const endMinute = Math.floor(to.getTime() / MINUTE_MS);
  const startMinute = firstAt
    ? Math.max(Math.floor(from.getTime() / MINUTE_MS), Math.floor(firstAt.getTime() / MINUTE_MS))
    : endMinute;
  const expectedMinutes = Math.max(0, endMinute - startMinute);
  if (expectedMinutes === 0) return { from, to, expectedMinutes, upMinutes: 0, uptimePct: null };
  const row = await db
    .selectFrom('heartbeats')
    .select(sql<number>`count(distinct ${minute})`.as('up'))
    .where('status', '!=', 'down')
    .where('created_at', '>=', new Date(startMinute * MINUTE_MS))
    .where('created_at', '<', new Date(endMinute * MINUTE_MS))
    .executeTakeFirstOrThrow();
  const upMinutes = Math.min(Number(row.up), expectedMinutes);
  return { from, to, expectedMinutes, upMinutes, uptimePct: Math.round((upMinutes / expectedMinutes) * 10_000) / 100 };
}

export type HeartbeatMinute = {
  minute: Date;
  status: 'ok' | 'degraded' | 'down' | 'missing';
  latencyMs: number | null;
};

/** The last `minutes` whole minutes, oldest first, each with its heartbeat's status (worst if several). */
export async function getHeartbeatHistory(db: Db, minutes: number, now = new Date()): Promise<HeartbeatMinute[]> {
  const endMinute = Math.floor(now.getTime() / MINUTE_MS);
  const startMinute = endMinute - minutes + 1;
  const rows = await db
    .selectFrom('heartbeats')
    .select([minute.as('minute'), 'status', 'latency_ms'])
    .where('created_at', '>=', new Date(startMinute * MINUTE_MS))
    .orderBy('created_at')
    .execute();
  const rank = { missing: 0, ok: 1, degraded: 2, down: 3 } as const;
  const byMinute = new Map<number, HeartbeatMinute>();
  for (const row of rows) {
    const status = (
      ['ok', 'degraded', 'down'].includes(row.status) ? row.status : 'degraded'
    ) as HeartbeatMinute['status'];
    const at = Number(row.minute);
    const known = byMinute.get(at);
    if (!known || rank[status] > rank[known.status])
      byMinute.set(at, { minute: new Date(at * MINUTE_MS), status, latencyMs: row.latency_ms });
  }
  return Array.from({ length: minutes }, (_, i) => startMinute + i).map(
    (at) => byMinute.get(at) ?? { minute: new Date(at * MINUTE_MS), status: 'missing', latencyMs: null },
  );
}

export type LatestHeartbeat = {
  status: string;
  dbOk: boolean;
  stripeOk: string | null;
  brainOk: string | null;
  errorCountRecent: number | null;
  latencyMs: number | null;
  createdAt: Date;
};

export async function getLatestHeartbeat(db: Db): Promise<LatestHeartbeat | null> {
  const row = await db.selectFrom('heartbeats').selectAll().orderBy('created_at', 'desc').limit(1).executeTakeFirst();
  if (!row) return null;
  return {
    status: row.status,
    dbOk: row.db_ok,
    stripeOk: row.stripe_ok,
    brainOk: row.brain_ok,
    errorCountRecent: row.error_count_recent,
    latencyMs: row.latency_ms,
    createdAt: row.created_at,
  };
}
