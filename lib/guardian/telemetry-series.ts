import 'server-only';
// Server error counts and API latency per 5-minute bucket over the last hours: the input of the spike detector
// (browser-reported rows are left out: anyone can send those).
import { sql } from 'kysely';
import type { Db } from '@/db/client';

export const BUCKET_MINUTES = 5;
export const SERIES_HOURS = 6;

export type TelemetrySeries = { bucketStarts: Date[]; errors: number[]; latencyMs: (number | null)[] };

const bucket = sql<number>`floor(extract(epoch from created_at) / ${sql.lit(BUCKET_MINUTES * 60)})::bigint`;

export async function loadTelemetrySeries(db: Db, now = new Date()): Promise<TelemetrySeries> {
  const bucketMs = BUCKET_MINUTES * 60_000;
  const last = Math.floor(now.getTime() / bucketMs);
  const buckets = (SERIES_HOURS * 60) / BUCKET_MINUTES;
  const first = last - buckets + 1;
  const from = new Date(first * bucketMs);
  const [errorRows, latencyRows] = await Promise.all([
    db
      .selectFrom('telemetry_logs')
      .select([bucket.as('bucket'), sql<number>`count(*)`.as('count')])
      .where('level', '=', 'error')
      .where('name', 'not like', 'web.%')
      .where('created_at', '>=', from)
      .groupBy(bucket)
      .execute(),
    db
      .selectFrom('telemetry_logs')
      .select([
        bucket.as('bucket'),
        sql<number>`sum(duration_ms * coalesce((meta->>'count')::int, 1)) / nullif(sum(coalesce((meta->>'count')::int, 1)), 0)`.as(
          'mean_ms',
        ),
      ])
      .where('kind', '=', 'performance')
      .where('path', 'like', '/api/%')
      .where('name', 'not like', 'web.%')
      .where('created_at', '>=', from)
      .groupBy(bucket)
      .execute(),
  ]);
  const errorsByBucket = new Map(errorRows.map((row) => [Number(row.bucket), Number(row.count)]));
  const latencyByBucket = new Map(
    latencyRows.map((row) => [Number(row.bucket), row.mean_ms === null ? null : Number(row.mean_ms)]),
  );
  const indexes = Array.from({ length: buckets }, (_, i) => first + i);
  return {
    bucketStarts: indexes.map((index) => new Date(index * bucketMs)),
    errors: indexes.map((index) => errorsByBucket.get(index) ?? 0),
    latencyMs: indexes.map((index) => latencyByBucket.get(index) ?? null),
  };
}
