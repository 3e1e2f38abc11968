import { describe, expect, it } from 'vitest';
import { canvasStateOf, detailLevels, type FrameBudget, recordFrame } from '@/components/dashboard/living-canvas-state';

const live = (overrides: Partial<Parameters<typeof canvasStateOf>[0] & object> = {}) => ({
  running: 0,
  waiting: 0,
  recentFailed: 0,
  recentSucceeded: 0,
  lastFinished: null,
  ...overrides,
});

describe('Living Canvas state', () => {
  it('works while runs are running, whatever ended before', () => {
    expect(canvasStateOf(live({ running: 2, lastFinished: 'failed' }))).toBe('working');
  });

  it('shows how the latest run ended when nothing runs', () => {
    expect(canvasStateOf(live({ recentFailed: 1, recentSucceeded: 3, lastFinished: 'failed' }))).toBe('error');
    expect(canvasStateOf(live({ recentFailed: 1, recentSucceeded: 3, lastFinished: 'succeeded' }))).toBe('success');
  });

  it('rests when nothing ran recently, runs only wait, or the state is unknown', () => {
    expect(canvasStateOf(live({ waiting: 3 }))).toBe('idle');
    expect(canvasStateOf(null)).toBe('idle');
  });
});

describe('Living Canvas frame budget', () => {
  const run = (frames: number, ms: number, start: FrameBudget = { averageMs: 0, slowFrames: 0, level: 0 }) => {
    let budget = start;
    for (let i = 0; i < frames; i++) budget = recordFrame(budget, ms);
    return budget;
  };

  it('keeps full detail at 60 fps', () => {
    expect(run(600, 16.7).level).toBe(0);
  });

  it('lowers detail after sustained slow frames, one level at a time, down to the sparsest', () => {
    expect(run(50, 40).level).toBe(1);
    expect(run(100, 40).level).toBe(2);
    expect(run(1_000, 40).level).toBe(detailLevels.length - 1);
  });

  it('ignores a single long frame (a tab switch or a garbage collection)', () => {
    let budget = run(120, 16);
    budget = recordFrame(budget, 2_000);
    budget = run(120, 16, budget);
    expect(budget.level).toBe(0);
  });
});
