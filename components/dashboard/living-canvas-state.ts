// The Living Canvas's decisions, kept pure: which state the live runs put it in, and how much detail its frame time allows.
export type CanvasState = 'idle' | 'working' | 'success' | 'error';
export type LiveState = {
  running: number;
  waiting: number;
  recentFailed: number;
  recentSucceeded: number;
  lastFinished: 'succeeded' | 'failed' | null;
};

export function canvasStateOf(live: LiveState | null): CanvasState {
  if (!live) return 'idle';
  if (live.running > 0) return 'working';
  if (live.lastFinished === 'failed') return 'error';
  if (live.lastFinished === 'succeeded') return 'success';
  return 'idle';
}

/** Detail levels, from full (glow, trails, many particles) down to a sparse field. */
export const detailLevels = [1, 0.6, 0.35, 0.2] as const;

export type FrameBudget = { averageMs: number; slowFrames: number; level: number };

export const SLOW_FRAME_MS = 24;
const SLOW_FRAMES_BEFORE_DROP = 45;

/**
 * Feeds one frame's duration into a moving average; after a sustained run of slow frames (about 40 fps or worse)
 * the detail drops one level and the count starts again. Detail never rises again within a page view.
 */
export function recordFrame(budget: FrameBudget, frameMs: number): FrameBudget {
  const sample = Math.min(frameMs, 250);
  const averageMs = budget.averageMs === 0 ? sample : budget.averageMs * 0.9 + sample * 0.1;
  const slowFrames = averageMs > SLOW_FRAME_MS ? budget.slowFrames + 1 : 0;
  if (slowFrames >= SLOW_FRAMES_BEFORE_DROP && budget.level < detailLevels.length - 1)
    return { averageMs, slowFrames: 0, level: budget.level + 1 };
  return { averageMs, slowFrames, level: budget.level };
}
