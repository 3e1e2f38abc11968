import 'server-only';
// Retention: deletes telemetry older than 30 days and heartbeats older than 90 days (called by a scheduled job).
import type { Db } from '@/db/client';

const DAY_MS = 86_400_000;

export type TelemetryRetention = { telemetryDays: number; heartbeatDays: number };

export async function purgeOldTelemetry(
  db: Db,
  now = new Date(),
  { telemetryDays, heartbeatDays }: TelemetryRetention = { telemetryDays: 30, heartbeatDays: 90 },
): Promise<{ telemetryLogs: number; heartbeats: number }> {
  const logs = await db
    .deleteFrom('telemetry_logs')
    .where('created_at', '<', new Date(now.getTime() - telemetryDays * DAY_MS))
    .executeTakeFirst();
  const heartbeats = await db
    .deleteFrom('heartbeats')
    .where('created_at', '<', new Date(now.getTime() - heartbeatDays * DAY_MS))
    .executeTakeFirst();
  return { telemetryLogs: Number(logs.numDeletedRows), heartbeats: Number(heartbeats.numDeletedRows) };
}
