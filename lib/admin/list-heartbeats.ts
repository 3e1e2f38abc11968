import 'server-only';
// The most recent heartbeat rows, newest first, for the System health page.
import type { Db } from '@/db/client';

export type HeartbeatRow = {
  id: string;
  status: string;
  dbOk: boolean;
  stripeOk: string | null;
  brainOk: string | null;
  errorCountRecent: number | null;
  latencyMs: number | null;
  createdAt: Date;
};

export async function listHeartbeats(db: Db, limit = 10): Promise<HeartbeatRow[]> {
  const rows = await db.selectFrom('heartbeats').selectAll().orderBy('created_at', 'desc').limit(limit).execute();
  return rows.map((row) => ({
    id: String(row.id),
    status: row.status,
    dbOk: row.db_ok,
    stripeOk: row.stripe_ok,
    brainOk: row.brain_ok,
    errorCountRecent: row.error_count_recent,
    latencyMs: row.latency_ms,
    createdAt: row.created_at,
  }));
}
