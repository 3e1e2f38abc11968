// The preview lists the next five runs with the scheduler's DST rules.
import { describe, expect, it } from 'vitest';
import { previewRuns } from '@/lib/workflows/schedule/preview-runs';

describe('previewRuns', () => {
  it('runs a 02:30 New York job at 03:00 on the day the clocks skip 02:00–03:00, and at 02:30 again after', () => {
    const runs = previewRuns('30 2 * * *', 'America/New_York', new Date('2026-03-06T12:00:00Z'));
    expect(runs.map((run) => run.toISOString())).toEqual([
      '2026-03-07T07:30:00.000Z',
      '2026-03-08T07:00:00.000Z',
      '2026-03-09T06:30:00.000Z',
      '2026-03-10T06:30:00.000Z',
      '2026-03-11T06:30:00.000Z',
    ]);
  });

  it('returns fewer than five for an expression that stops matching', () => {
    expect(previewRuns('0 0 30 2 *', 'UTC', new Date('2026-01-01T00:00:00Z'))).toEqual([]);
  });
});
