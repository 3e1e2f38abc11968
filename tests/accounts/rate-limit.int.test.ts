import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consumeRateLimit, pruneRateLimits, rateLimitHeaders } from '@/lib/api/rate-limit';
import { createTestDb, type TestDb } from '../helpers/test-db';

let test: TestDb;
beforeAll(async () => {
  test = await createTestDb();
});
afterAll(() => test.close());

const policy = { limit: 3, windowSeconds: 60 };
const start = new Date('2026-11-23T12:00:10Z');

describe('fixed-window rate limit', () => {
  it('admits exactly the limit, then refuses with a retry time', async () => {
    const results = [];
    for (let i = 0; i < 4; i++) results.push(await consumeRateLimit(test.db, 'user:a', policy, start));
    expect(results.map((r) => r.allowed)).toEqual([true, true, true, false]);
    expect(results.map((r) => r.remaining)).toEqual([2, 1, 0, 0]);
    expect(results[3]).toMatchObject({
      limit: 3,
      remaining: 0,
      retryAfterSeconds: 50,
      resetAt: new Date('2026-11-23T12:01:00Z'),
    });
  });

  it('admits again in the next window', async () => {
    const next = await consumeRateLimit(test.db, 'user:a', policy, new Date('2026-11-23T12:01:00Z'));
    expect(next).toMatchObject({ allowed: true, remaining: 2, retryAfterSeconds: 0 });
  });

  it('counts each key on its own', async () => {
    expect((await consumeRateLimit(test.db, 'user:b', policy, start)).allowed).toBe(true);
  });

  it('admits exactly the limit when 50 requests arrive at once', async () => {
    const results = await Promise.all(
      Array.from({ length: 50 }, () => consumeRateLimit(test.db, 'burst', { limit: 10, windowSeconds: 60 }, start)),
    );
    expect(results.filter((r) => r.allowed)).toHaveLength(10);
    const row = await test.db
      .selectFrom('rate_limits')
      .select('count')
      .where('key', '=', 'burst')
      .executeTakeFirstOrThrow();
    expect(row.count).toBe(50);
  });

  it('describes the budget in RateLimit headers, with Retry-After once refused', async () => {
    const admitted = await consumeRateLimit(test.db, 'headers', { limit: 1, windowSeconds: 60 }, start);
    expect(rateLimitHeaders(admitted, start)).toEqual({
      'RateLimit-Limit': '1',
      'RateLimit-Remaining': '0',
      'RateLimit-Reset': '50',
    });
    const refused = await consumeRateLimit(test.db, 'headers', { limit: 1, windowSeconds: 60 }, start);
    expect(rateLimitHeaders(refused, start)).toEqual({
      'RateLimit-Limit': '1',
      'RateLimit-Remaining': '0',
      'RateLimit-Reset': '50',
      'Retry-After': '50',
    });
  });

  it('prunes windows older than the cut-off and keeps the rest', async () => {
    await consumeRateLimit(test.db, 'prune', policy, new Date('2026-11-22T00:00:00Z'));
    await consumeRateLimit(test.db, 'prune', policy, start);
    expect(await pruneRateLimits(test.db, new Date('2026-11-23T00:00:00Z'))).toBe(1);
    const left = await test.db.selectFrom('rate_limits').select('window_start').where('key', '=', 'prune').execute();
    expect(left.map((row) => row.window_start)).toEqual([new Date('2026-11-23T12:00:00Z')]);
  });
});
