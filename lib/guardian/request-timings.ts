import 'server-only';
// Times every API request at almost no cost: samples are summed in memory per endpoint and written as one
// `api.request` performance row per endpoint and window (count, mean, p95, max, errors), in one batched insert.
import { after } from 'next/server';
import type { NewTelemetryLog } from '@/db/types';
import { logger } from '@/lib/logger';
import { normalizePath } from './normalize-path';

export const TIMING_WINDOW_MS = 10_000;
const SAMPLES_PER_ENDPOINT = 256;
const MAX_ENDPOINTS = 500;
const SLOW_MS = 2_000;

type Bucket = {
  method: string;
  path: string;
  count: number;
  sumMs: number;
  maxMs: number;
  serverErrors: number;
  clientErrors: number;
  samples: number[];
};
type State = {
  buckets: Map<string, Bucket>;
  windowStart: number;
  timer: ReturnType<typeof setTimeout> | null;
  flushScheduled: boolean;
};

// NOTE: on globalThis so dev hot reloads keep one buffer per process.
const globalForTimings = globalThis as unknown as { levqorRequestTimings?: State };
const state: State = (globalForTimings.levqorRequestTimings ??= {
  buckets: new Map(),
  windowStart: Date.now(),
  timer: null,
  flushScheduled: false,
});

// NOTE: unit tests call route handlers without a database of the process's own; they drain the buffer explicitly.
const autoFlush = process.env.NODE_ENV !== 'test';

/** Called by withApi once per request; never awaits anything. */
export function recordRequestTiming(
  method: string,
  rawPath: string,
  status: number,
  durationMs: number,
  now = Date.now(),
): void {
  let path = normalizePath(rawPath);
  if (!state.buckets.has(`${method} ${path}`) && state.buckets.size >= MAX_ENDPOINTS) path = '(other)';
  const key = `${method} ${path}`;
  let bucket = state.buckets.get(key);
  if (!bucket) {
    bucket = { method, path, count: 0, sumMs: 0, maxMs: 0, serverErrors: 0, clientErrors: 0, samples: [] };
    state.buckets.set(key, bucket);
  }
  bucket.count += 1;
  bucket.sumMs += durationMs;
  if (durationMs > bucket.maxMs) bucket.maxMs = durationMs;
  if (status >= 500) bucket.serverErrors += 1;
  else if (status >= 400) bucket.clientErrors += 1;
  // Reservoir sampling keeps a fair sample of the window for the p95.
  if (bucket.samples.length < SAMPLES_PER_ENDPOINT) bucket.samples.push(durationMs);
  else {
    const slot = Math.floor(Math.random() * bucket.count);
    if (slot < SAMPLES_PER_ENDPOINT) bucket.samples[slot] = durationMs;
  }
  if (!autoFlush) return;
  if (now - state.windowStart >= TIMING_WINDOW_MS) scheduleFlush();
  else if (!state.timer) {
    state.timer = setTimeout(() => void flushRequestTimings(), TIMING_WINDOW_MS);
    state.timer.unref?.();
  }
}

/** Inside a request, after() keeps a serverless instance alive until the batch is written. */
function scheduleFlush(): void {
  if (state.flushScheduled) return;
  state.flushScheduled = true;
  try {
    after(() => flushRequestTimings());
  } catch {
    void flushRequestTimings();
  }
}

/** The buffered window as telemetry rows, emptying the buffer. */
export function drainRequestTimings(now = Date.now()): NewTelemetryLog[] {
  const windowStart = new Date(state.windowStart).toISOString();
  const rows = [...state.buckets.values()].map((bucket): NewTelemetryLog => {
    const mean = bucket.sumMs / bucket.count;
    const sorted = bucket.samples.sort((a, b) => a - b);
    const p95 = sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.95) - 1)] ?? mean;
    return {
      level: mean > SLOW_MS ? 'warn' : 'info',
      kind: 'performance',
      name: 'api.request',
      path: bucket.path,
      duration_ms: round(mean),
      meta: JSON.stringify({
        method: bucket.method,
        count: bucket.count,
        server_errors: bucket.serverErrors,
        client_errors: bucket.clientErrors,
        p95_ms: round(p95),
        max_ms: round(bucket.maxMs),
        window_start: windowStart,
      }),
    };
  });
  state.buckets = new Map();
  state.windowStart = now;
  return rows;
}

export async function flushRequestTimings(): Promise<number> {
  if (state.timer) clearTimeout(state.timer);
  state.timer = null;
  state.flushScheduled = false;
  const rows = drainRequestTimings();
  if (rows.length === 0) return 0;
  try {
    const { getDb } = await import('@/db');
    await (await getDb()).insertInto('telemetry_logs').values(rows).execute();
    return rows.length;
  } catch (error) {
    // NOTE: timings are statistics; a lost window is logged and dropped rather than kept growing in memory.
    logger.warn({ err: error, rows: rows.length }, 'could not write request timings');
    return 0;
  }
}

const round = (ms: number) => Math.round(ms * 10) / 10;
