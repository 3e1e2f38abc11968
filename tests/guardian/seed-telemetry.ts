// Telemetry fixtures: API traffic as the request-timing batches write it, errors, events and heartbeats.
import type { Kysely } from 'kysely';
import type { Database } from '@/db/types';

export const minutesAgo = (now: Date, minutes: number) => new Date(now.getTime() - minutes * 60_000);

export async function seedTraffic(
  db: Kysely<Database>,
  at: Date,
  rows: { method?: string; path: string; count: number; meanMs: number; serverErrors?: number; name?: string }[],
) {
  await db
    .insertInto('telemetry_logs')
    .values(
      rows.map((row) => ({
        level: row.meanMs > 2_000 ? ('warn' as const) : ('info' as const),
        kind: 'performance' as const,
        name: row.name ?? 'api.request',
        path: row.path,
        duration_ms: row.meanMs,
        meta: JSON.stringify({
          method: row.method ?? 'GET',
          count: row.count,
          server_errors: row.serverErrors ?? 0,
          client_errors: 0,
          p95_ms: row.meanMs * 1.5,
          max_ms: row.meanMs * 2,
        }),
        created_at: at,
      })),
    )
    .execute();
}

export async function seedErrors(
  db: Kysely<Database>,
  at: Date,
  name: string,
  messages: string[],
  path = '/api/workflows',
) {
  await db
    .insertInto('telemetry_logs')
    .values(
      messages.map((message) => ({
        level: 'error' as const,
        kind: 'error' as const,
        name,
        message,
        path,
        status: 500,
        created_at: at,
      })),
    )
    .execute();
}

export async function seedHeartbeats(db: Kysely<Database>, times: Date[], status = 'ok') {
  if (times.length === 0) return;
  await db
    .insertInto('heartbeats')
    .values(
      times.map((created_at) => ({
        status,
        db_ok: status !== 'down',
        stripe_ok: 'not_configured',
        brain_ok: 'not_configured',
        error_count_recent: 0,
        latency_ms: 1,
        created_at,
      })),
    )
    .execute();
}

export async function clearGuardianData(db: Kysely<Database>) {
  for (const table of [
    'telemetry_logs',
    'heartbeats',
    'job_runs',
    'upgrade_plans',
    'guardian_alerts',
    'guardian_reports',
    'email_outbox',
  ] as const)
    await db.deleteFrom(table).execute();
}
