import 'server-only';
// GET /api/guardian/telemetry: what telemetry recorded in a window, by kind and level, per endpoint and per error.
import { sql } from 'kysely';
import type { Db } from '@/db/client';
import { lastMinutes, loadTelemetryWindow } from './telemetry-window';

export async function summarizeTelemetry(
  db: Db,
  { windowMinutes = 60, now = new Date() }: { windowMinutes?: number; now?: Date } = {},
) {
  const span = lastMinutes(windowMinutes, now);
  const [window, kinds] = await Promise.all([
    loadTelemetryWindow(db, span),
    db
      .selectFrom('telemetry_logs')
      .select(['kind', 'level', sql<number>`count(*)`.as('rows')])
      .where('created_at', '>=', span.from)
      .where('created_at', '<', span.to)
      .groupBy(['kind', 'level'])
      .execute(),
  ]);
  const byKind = { event: 0, error: 0, performance: 0 };
  const byLevel = { info: 0, warn: 0, error: 0 };
  for (const row of kinds) {
    byKind[row.kind] += Number(row.rows);
    byLevel[row.level] += Number(row.rows);
  }
  return {
    window_minutes: windowMinutes,
    from: window.from.toISOString(),
    to: window.to.toISOString(),
    requests: window.requests,
    server_errors: window.serverErrors,
    error_rate_pct: window.errorRate === null ? null : Math.round(window.errorRate * 1000) / 10,
    error_count: window.errorCount,
    rows_by_kind: byKind,
    rows_by_level: byLevel,
    endpoints: window.endpoints.slice(0, 20),
    errors: window.errors,
    events: window.events,
  };
}
