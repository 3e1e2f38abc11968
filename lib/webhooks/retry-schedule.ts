// When a failed delivery is tried again: 1 min, 5 min, 30 min, 2 h, 6 h after the previous try (±10 % jitter so
// receivers coming back are not hit by every retry at once); six tries in all, then the delivery has failed.
export const RETRY_DELAYS_MS = [60_000, 300_000, 1_800_000, 7_200_000, 21_600_000] as const;
export const MAX_DELIVERY_ATTEMPTS = RETRY_DELAYS_MS.length + 1;

/** The wait after the `attemptsMade`-th failed try, or null when that was the last one. */
export function retryDelayMs(attemptsMade: number, random: () => number = Math.random): number | null {
  const base = RETRY_DELAYS_MS[attemptsMade - 1];
  if (base === undefined) return null;
  return Math.round(base * (0.9 + random() * 0.2));
}
