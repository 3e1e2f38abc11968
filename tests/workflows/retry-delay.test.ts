import { describe, expect, it } from 'vitest';
import { retryDelayMs } from '@/lib/workflows/engine/retry-delay';

const policy = { initialDelayMs: 1_000, maxDelayMs: 300_000 };

describe('retry backoff', () => {
  it('doubles from 1 s for each failed attempt, without jitter at the midpoint', () => {
    expect([1, 2, 3, 4, 5, 6].map((attempt) => retryDelayMs(attempt, policy, () => 0.5))).toEqual([
      1_000, 2_000, 4_000, 8_000, 16_000, 32_000,
    ]);
  });

  it('spreads each delay by at most 20 % either way, never below the first delay', () => {
    expect(retryDelayMs(3, policy, () => 0)).toBe(3_200);
    expect(retryDelayMs(3, policy, () => 1)).toBe(4_800);
    expect(retryDelayMs(1, policy, () => 0)).toBe(1_000);
  });

  it('never waits longer than 5 minutes', () => {
    expect(retryDelayMs(12, policy, () => 1)).toBe(300_000);
    expect(retryDelayMs(9, policy, () => 0.5)).toBe(256_000);
    expect(retryDelayMs(10, policy, () => 0.5)).toBe(300_000);
  });
});
