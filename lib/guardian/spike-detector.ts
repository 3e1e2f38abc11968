// The 3-sigma spike detector: is the latest bucket of a series far above what the earlier buckets make normal?
export type SpikeOptions = {
  /** Earlier buckets needed before anything is called a spike. */
  minBaseline?: number;
  /** The latest value must also reach this, so 0 → 1 is never a spike. */
  minValue: number;
  /** Lower bound for the standard deviation, so a perfectly flat baseline does not flag every wobble. */
  sigmaFloor: number;
};

export type Spike = { latest: number; mean: number; stdev: number; threshold: number; isSpike: boolean };

/** Series oldest → newest; `null` buckets (no data) are left out of the baseline. */
export function detectSpike(
  series: readonly (number | null)[],
  { minBaseline = 6, minValue, sigmaFloor }: SpikeOptions,
): Spike | null {
  const latest = series.at(-1);
  const baseline = series.slice(0, -1).filter((value): value is number => value !== null && Number.isFinite(value));
  if (latest === null || latest === undefined || baseline.length < minBaseline) return null;
  const mean = baseline.reduce((sum, value) => sum + value, 0) / baseline.length;
  const variance = baseline.reduce((sum, value) => sum + (value - mean) ** 2, 0) / baseline.length;
  const stdev = Math.max(Math.sqrt(variance), sigmaFloor);
  const threshold = mean + 3 * stdev;
  return {
    latest,
    mean: round(mean),
    stdev: round(stdev),
    threshold: round(threshold),
    isSpike: latest > threshold && latest >= minValue,
  };
}

const round = (value: number) => Math.round(value * 100) / 100;
