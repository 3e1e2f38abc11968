import 'server-only';
// Reads one time window of telemetry: API traffic per endpoint, errors grouped by message, top events.
import { sql } from 'kysely';
import type { Db } from '@/db/client';

export type TimeWindow = { from: Date; to: Date };

export type EndpointStats = {
  method: string;
  path: string;
  requests: number;
  meanMs: number;
  p95Ms: number;
  maxMs: number;
  serverErrors: number;
};
export type ErrorGroup = { name: string; message: string; count: number; lastSeenAt: Date; paths: string[] };
export type EventCount = { name: string; count: number };

export type TelemetryWindow = TimeWindow & {
  requests: number;
  serverErrors: number;
  /** Failed API requests (5xx) over all API requests; null below MIN_REQUESTS_FOR_RATE. */
  errorRate: number | null;
  errorCount: number;
  endpoints: EndpointStats[];
  errors: ErrorGroup[];
  events: EventCount[];
};

/** Fewer requests than this make an error rate meaningless (one failure in five is not an incident). */
export const MIN_REQUESTS_FOR_RATE = 20;

const count = sql<number>`coalesce((meta->>'count')::int, 1)`;
const serverErrors = sql<number>`coalesce((meta->>'server_errors')::int, case when status >= 500 then 1 else 0 end)`;
const method = sql<string>`coalesce(meta->>'method', '')`;
/** Digits vary between otherwise identical messages ("timed out after 2013 ms"). */
const messageShape = sql<string>`regexp_replace(coalesce(message, name), '[0-9]+', '#', 'g')`;

export async function loadTelemetryWindow(
  db: Db,
  window: TimeWindow,
  limits = { errors: 20, events: 10 },
): Promise<TelemetryWindow> {
  const [endpointRows, errorRows, eventRows] = await Promise.all([
    db
      .selectFrom('telemetry_logs')
      .select([
        method.as('method'),
        'path',
        sql<number>`sum(${count})`.as('requests'),
        sql<number>`sum(duration_ms * ${count}) / nullif(sum(${count}), 0)`.as('mean_ms'),
        sql<number>`max(coalesce((meta->>'p95_ms')::float8, duration_ms))`.as('p95_ms'),
        sql<number>`max(coalesce((meta->>'max_ms')::float8, duration_ms))`.as('max_ms'),
        sql<number>`sum(${serverErrors})`.as('server_errors'),
      ])
      .where('kind', '=', 'performance')
      .where('path', 'like', '/api/%')
      .where('name', 'not like', 'web.%')
      .where('duration_ms', 'is not', null)
      .where('created_at', '>=', window.from)
      .where('created_at', '<', window.to)
      .groupBy([method, 'path'])
      .execute(),
    db
      .selectFrom('telemetry_logs')
      .select([
        'name',
        messageShape.as('shape'),
        sql<string>`max(coalesce(message, name))`.as('message'),
        sql<number>`count(*)`.as('count'),
        sql<Date>`max(created_at)`.as('last_seen_at'),
        sql<string[]>`(array_agg(distinct path) filter (where path is not null))[1:5]`.as('paths'),
      ])
      .where('level', '=', 'error')
      .where('created_at', '>=', window.from)
      .where('created_at', '<', window.to)
      .groupBy(['name', messageShape])
      .orderBy(sql`count(*)`, 'desc')
      .limit(limits.errors)
      .execute(),
    db
      .selectFrom('telemetry_logs')
      .select(['name', sql<number>`count(*)`.as('count')])
      .where('kind', '=', 'event')
      .where('created_at', '>=', window.from)
      .where('created_at', '<', window.to)
      .groupBy('name')
      .orderBy(sql`count(*)`, 'desc')
      .limit(limits.events)
      .execute(),
  ]);
  const endpoints = endpointRows
    .map((row) => ({
      method: row.method,
      path: row.path ?? '',
      requests: Number(row.requests),
      meanMs: round(Number(row.mean_ms ?? 0)),
      p95Ms: round(Number(row.p95_ms ?? 0)),
      maxMs: round(Number(row.max_ms ?? 0)),
      serverErrors: Number(row.server_errors),
    }))
    .sort((a, b) => b.meanMs - a.meanMs);
  const requests = endpoints.reduce((sum, endpoint) => sum + endpoint.requests, 0);
  const failed = endpoints.reduce((sum, endpoint) => sum + endpoint.serverErrors, 0);
  const errors = errorRows.map((row) => ({
    name: row.name,
    message: row.message,
    count: Number(row.count),
    lastSeenAt: new Date(row.last_seen_at),
    paths: row.paths ?? [],
  }));
  const errorCount = await countErrors(db, window);
  return {
    ...window,
    requests,
    serverErrors: failed,
    errorRate: requests >= MIN_REQUESTS_FOR_RATE ? failed / requests : null,
    errorCount,
    endpoints,
    errors,
    events: eventRows.map((row) => ({ name: row.name, count: Number(row.count) })),
  };
}

async function countErrors(db: Db, window: TimeWindow): Promise<number> {
  const row = await db
    .selectFrom('telemetry_logs')
    .select(sql<number>`count(*)`.as('count'))
    .where('level', '=', 'error')
    .where('created_at', '>=', window.from)
    .where('created_at', '<', window.to)
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

export function emptyWindow(window: TimeWindow): TelemetryWindow {
  return {
    ...window,
    requests: 0,
    serverErrors: 0,
    errorRate: null,
    errorCount: 0,
    endpoints: [],
    errors: [],
    events: [],
  };
}

export function lastMinutes(minutes: number, now = new Date()): TimeWindow {
  return { from: new Date(now.getTime() - minutes * 60_000), to: new Date(now.getTime() + 1) };
}

const round = (value: number) => Math.round(value * 10) / 10;
