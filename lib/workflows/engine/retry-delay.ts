// Exponential backoff with jitter between step attempts: 1 s, 2 s, 4 s … up to 5 min by default.
import type { RetryPolicy } from '../definition';

/**
 * The wait after attempt `failedAttempt` failed: initialDelay × 2^(attempt−1), spread ±20 % so retries of many
 * runs do not arrive together, and kept within [initialDelay, maxDelay].
 */
export function retryDelayMs(
  failedAttempt: number,
  policy: Pick<RetryPolicy, 'initialDelayMs' | 'maxDelayMs'>,
  random: () => number = Math.random,
): number {
  const base = policy.initialDelayMs * 2 ** Math.max(0, failedAttempt - 1);
  const jittered = base * (0.8 + 0.4 * random());
  return Math.round(Math.min(policy.maxDelayMs, Math.max(policy.initialDelayMs, jittered)));
}
