import 'server-only';
// Fixed-window rate limits counted in Postgres, so every serverless instance shares the same budget.
import type { Db } from '@/db/client';

export type RateLimitPolicy = { limit: number; windowSeconds: number };

export type RateLimitResult = {
  allowed: boolean;
  limit: number;
  remaining: number;
  resetAt: Date;
  retryAfterSeconds: number;
};

export const rateLimitPolicies = {
  api: { limit: 60, windowSeconds: 60 },
  signIn: { limit: 10, windowSeconds: 600 },
  magicLink: { limit: 5, windowSeconds: 600 },
} as const satisfies Record<string, RateLimitPolicy>;

/** A workflow's inbound webhook: its own number of deliveries a minute. */
export function webhookRateLimitPolicy(perMinute: number): RateLimitPolicy {
  return { limit: perMinute, windowSeconds: 60 };
}

/** Counts one hit against `key` in the current window; one atomic upsert, safe under concurrency. */
export async function consumeRateLimit(
  db: Db,
  key: string,
  policy: RateLimitPolicy,
  now = new Date(),
): Promise<RateLimitResult> {
  const windowMs = policy.windowSeconds * 1_000;
  const windowStart = new Date(Math.floor(now.getTime() / windowMs) * windowMs);
  const resetAt = new Date(windowStart.getTime() + windowMs);
  const { count } = await db
    .insertInto('rate_limits')
    .values({ key, window_start: windowStart, count: 1 })
    .onConflict((oc) =>
      oc.columns(['key', 'window_start']).doUpdateSet((eb) => ({ count: eb('rate_limits.count', '+', 1) })),
    )
    .returning('count')
    .executeTakeFirstOrThrow();
  const allowed = count <= policy.limit;
  return {
    allowed,
    limit: policy.limit,
    remaining: Math.max(0, policy.limit - count),
    resetAt,
    retryAfterSeconds: allowed ? 0 : secondsUntil(resetAt, now),
  };
}

/** The IETF draft RateLimit-* headers for a result, plus Retry-After once the caller is refused. */
export function rateLimitHeaders(result: RateLimitResult, now = new Date()): Record<string, string> {
  const headers: Record<string, string> = {
    'RateLimit-Limit': String(result.limit),
    'RateLimit-Remaining': String(result.remaining),
    'RateLimit-Reset': String(secondsUntil(result.resetAt, now)),
  };
  if (!result.allowed) headers['Retry-After'] = String(Math.max(1, result.retryAfterSeconds));
  return headers;
}

/** Deletes windows that started before `olderThan`; returns how many went. */
export async function pruneRateLimits(db: Db, olderThan: Date): Promise<number> {
  const result = await db.deleteFrom('rate_limits').where('window_start', '<', olderThan).executeTakeFirst();
  return Number(result.numDeletedRows);
}

function secondsUntil(resetAt: Date, now: Date): number {
  return Math.max(1, Math.ceil((resetAt.getTime() - now.getTime()) / 1_000));
}
