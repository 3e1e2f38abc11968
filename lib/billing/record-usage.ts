import 'server-only';
// Tenant usage metering: monthly counters of workflow runs, API calls and AI credits. Runs and credits are written at
// once (one upsert); API calls are summed in memory and written per minute, so no API request waits for a write.
import { randomInt } from 'node:crypto';
import type { Db } from '@/db/client';
import type { UsageMetric } from '@/db/types-billing';
import { logger } from '@/lib/logger';
import { monthStart } from './period';

const FLUSH_INTERVAL_MS = 60_000;
const MAX_BUFFERED_KEYS = 5_000;

export async function recordUsage(
  db: Db,
  workspaceId: string,
  metric: UsageMetric,
  amount = 1,
  now = new Date(),
): Promise<void> {
  if (!Number.isInteger(amount) || amount <= 0) return;
  if (metric === 'api_calls') {
    bufferApiCalls(db, workspaceId, amount, now);
    return;
  }
  await incrementUsage(db, workspaceId, metric, amount, now);
}

/** Rows a workspace's monthly count of one metric is spread over; readers sum them. */
const USAGE_SHARDS = 8;

/** A shard for one increment: concurrent writers of one workspace seldom wait on the same row. */
export function usageShard(): number {
  return randomInt(USAGE_SHARDS);
}

export async function incrementUsage(
  db: Db,
  workspaceId: string,
  metric: UsageMetric,
  amount: number,
  now = new Date(),
): Promise<void> {
  await db
    .insertInto('usage_counters')
    .values({ workspace_id: workspaceId, metric, period_start: monthStart(now), shard: usageShard(), count: amount })
    .onConflict((oc) =>
      oc
        .columns(['workspace_id', 'metric', 'period_start', 'shard'])
        .doUpdateSet((eb) => ({ count: eb('usage_counters.count', '+', eb.ref('excluded.count')) })),
    )
    .execute();
}

// NOTE: per-instance buffer of API calls. An instance that dies loses at most a minute of its own API-call counts;
// they are a usage statistic, never a limit, so that trade is taken for an API wrapper with no extra awaited write.
type Buffer = { db: Db | null; counts: Map<string, number>; timer: ReturnType<typeof setTimeout> | null };
const globalForUsage = globalThis as unknown as { levqorUsageBuffer?: Buffer };
const buffer: Buffer = (globalForUsage.levqorUsageBuffer ??= { db: null, counts: new Map(), timer: null });

function bufferApiCalls(db: Db, workspaceId: string, amount: number, now: Date): void {
  const key = `${workspaceId}|${monthStart(now)}`;
  buffer.counts.set(key, (buffer.counts.get(key) ?? 0) + amount);
  buffer.db = db;
  if (buffer.counts.size >= MAX_BUFFERED_KEYS) void flushApiCalls();
  else if (!buffer.timer) {
    buffer.timer = setTimeout(() => void flushApiCalls(), FLUSH_INTERVAL_MS);
    buffer.timer.unref?.();
  }
}

/** Writes the buffered API-call counts (one multi-row upsert). Returns how many counters were written. */
export async function flushApiCalls(db?: Db): Promise<number> {
  if (buffer.timer) clearTimeout(buffer.timer);
  buffer.timer = null;
  const target = db ?? buffer.db;
  if (!target || buffer.counts.size === 0) return 0;
  const pending = [...buffer.counts.entries()];
  buffer.counts.clear();
  const rows = pending.map(([key, count]) => {
    const [workspaceId, period] = key.split('|') as [string, string];
    return { workspace_id: workspaceId, metric: 'api_calls' as const, period_start: period, count };
  });
  try {
    await target
      .insertInto('usage_counters')
      .values(rows)
      .onConflict((oc) =>
        oc
          .columns(['workspace_id', 'metric', 'period_start', 'shard'])
          .doUpdateSet((eb) => ({ count: eb('usage_counters.count', '+', eb.ref('excluded.count')) })),
      )
      .execute();
    return rows.length;
  } catch (error) {
    // Put the counts back for the next flush (a workspace deleted meanwhile would fail forever: drop on FK errors).
    if ((error as { code?: string }).code !== '23503')
      for (const [key, count] of pending) buffer.counts.set(key, (buffer.counts.get(key) ?? 0) + count);
    logger.warn({ err: error, counters: rows.length }, 'could not write API-call usage; will retry');
    return 0;
  }
}
