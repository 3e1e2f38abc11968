import { describe, expect, it } from 'vitest';
import { detectSpike } from '@/lib/guardian/spike-detector';

const options = { minValue: 5, sigmaFloor: 1 };

describe('the 3-sigma spike detector', () => {
  it('flags a latest value above mean + 3 standard deviations of the earlier buckets', () => {
    const spike = detectSpike([2, 3, 2, 4, 3, 2, 3, 12], options);
    expect(spike?.isSpike).toBe(true);
    expect(spike?.mean).toBeCloseTo(2.71, 2);
  });

  it('does not flag values within 3 sigma, or a spike below the minimum value', () => {
    expect(detectSpike([2, 3, 2, 4, 3, 2, 3, 5], options)?.isSpike).toBe(false);
    expect(detectSpike([0, 0, 0, 0, 0, 0, 0, 4], options)?.isSpike).toBe(false);
  });

  it('uses the sigma floor on a flat baseline', () => {
    expect(detectSpike([1, 1, 1, 1, 1, 1, 1, 3.9], { minValue: 0, sigmaFloor: 1 })?.isSpike).toBe(false);
    expect(detectSpike([1, 1, 1, 1, 1, 1, 1, 4.1], { minValue: 0, sigmaFloor: 1 })?.isSpike).toBe(true);
  });

  it('needs 6 earlier buckets with data, skipping empty ones', () => {
    expect(detectSpike([1, 1, 1, 1, 1, 50], options)).toBeNull();
    expect(detectSpike([1, null, 1, null, 1, 1, 1, 1, 50], options)?.isSpike).toBe(true);
    expect(detectSpike([1, 1, 1, 1, 1, 1, null], options)).toBeNull();
  });
});
