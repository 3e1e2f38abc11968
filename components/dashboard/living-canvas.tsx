'use client';
// The Living Canvas: particles flowing through a chain of steps, in the state of the workspace's live runs (idle, working,
// success, error; GET /api/runs/live-state every 10 s). It measures its frame time and lowers its detail when frames are
// slow, and with `prefers-reduced-motion: reduce` it draws one still frame per state instead of animating.
import { useTranslations } from 'next-intl';
import { useEffect, useRef, useState } from 'react';
import {
  type CanvasState,
  canvasStateOf,
  detailLevels,
  type FrameBudget,
  type LiveState,
  recordFrame,
} from './living-canvas-state';

type Rgb = [number, number, number];
const palettes: Record<CanvasState, { a: Rgb; b: Rgb; speed: number; alpha: number }> = {
  idle: { a: [124, 108, 255], b: [34, 211, 238], speed: 0.15, alpha: 0.35 },
  working: { a: [124, 108, 255], b: [34, 211, 238], speed: 0.6, alpha: 0.95 },
  success: { a: [52, 211, 153], b: [34, 211, 238], speed: 0.3, alpha: 0.8 },
  error: { a: [251, 113, 133], b: [251, 191, 36], speed: 0.2, alpha: 0.85 },
};
const NODES = 5;
const LANES = 3;
const MAX_PARTICLES = 140;
const POLL_MS = 10_000;

type Particle = { lane: number; progress: number; speed: number; size: number; mix: number };

/** A small deterministic generator, so the still frame is the same on every visit. */
function seeded(seed: number) {
  let value = seed;
  return () => ((value = (value * 16_807) % 2_147_483_647) - 1) / 2_147_483_646;
}

const particles: Particle[] = (() => {
  const random = seeded(42);
  return Array.from({ length: MAX_PARTICLES }, () => ({
    lane: Math.floor(random() * LANES),
    progress: random(),
    speed: 0.5 + random(),
    size: 1 + random() * 2.2,
    mix: random(),
  }));
})();

const laneY = (lane: number, x: number, w: number, h: number, time: number) =>
  h * (0.3 + 0.2 * lane) + Math.sin((x / w) * Math.PI * 2 + time * 0.6 + lane * 1.7) * h * 0.08;
const mix = (a: Rgb, b: Rgb, t: number) => a.map((channel, i) => Math.round(channel + (b[i]! - channel) * t)).join(',');

function drawFrame(
  ctx: CanvasRenderingContext2D,
  w: number,
  h: number,
  time: number,
  state: CanvasState,
  detail: number,
) {
  const palette = palettes[state];
  ctx.clearRect(0, 0, w, h);
  for (let lane = 0; lane < LANES; lane++) {
    ctx.beginPath();
    for (let x = 0; x <= w; x += Math.max(8, 24 / detail)) ctx.lineTo(x, laneY(lane, x, w, h, time));
    ctx.strokeStyle = `rgba(${mix(palette.a, palette.b, lane / LANES)},0.18)`;
    ctx.lineWidth = 1.5;
    ctx.stroke();
  }
  const glow = detail >= 0.6;
  const count = Math.round(MAX_PARTICLES * detail);
  for (let i = 0; i < count; i++) {
    const particle = particles[i]!;
    const progress = (particle.progress + time * palette.speed * particle.speed * 0.1) % 1;
    const x = progress * w;
    const jitter = state === 'error' ? Math.sin(time * 20 + i) * 1.5 : 0;
    const y = laneY(particle.lane, x, w, h, time) + jitter;
    ctx.fillStyle = `rgba(${mix(palette.a, palette.b, particle.mix)},${palette.alpha})`;
    ctx.shadowBlur = glow ? 8 : 0;
    ctx.shadowColor = ctx.fillStyle;
    ctx.beginPath();
    ctx.arc(x, y, particle.size, 0, Math.PI * 2);
    ctx.fill();
  }
  ctx.shadowBlur = 0;
  const lit = state === 'working' ? Math.floor((time * 1.2) % NODES) : -1;
  for (let node = 0; node < NODES; node++) {
    const x = (w * (node + 0.5)) / NODES;
    const y = laneY(1, x, w, h, time);
    const failedNode = state === 'error' && node === NODES - 2;
    const on = state === 'success' || node === lit || failedNode;
    ctx.beginPath();
    ctx.arc(x, y, 9, 0, Math.PI * 2);
    ctx.fillStyle = on
      ? `rgba(${failedNode ? palette.a.join(',') : mix(palette.a, palette.b, node / NODES)},0.95)`
      : 'rgba(15,23,42,0.95)';
    ctx.fill();
    ctx.lineWidth = 2;
    ctx.strokeStyle = `rgba(${mix(palette.a, palette.b, node / NODES)},0.8)`;
    ctx.stroke();
  }
}

export function LivingCanvas() {
  const t = useTranslations('dashboard.canvas');
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const [live, setLive] = useState<LiveState | null>(null);
  const [level, setLevel] = useState(0);
  const [reduced, setReduced] = useState(false);
  const state = canvasStateOf(live);

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let stopped = false;
    const poll = async () => {
      const response = document.hidden
        ? null
        : await fetch('/api/runs/live-state', { cache: 'no-store' }).catch(() => null);
      if (response?.ok) setLive((await response.json()) as LiveState);
      const wait = response?.status === 429 ? POLL_MS * 3 : POLL_MS;
      if (!stopped) timer = setTimeout(() => void poll(), wait);
    };
    void poll();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, []);

  useEffect(() => {
    const query = window.matchMedia('(prefers-reduced-motion: reduce)');
    const update = () => setReduced(query.matches);
    update();
    query.addEventListener('change', update);
    return () => query.removeEventListener('change', update);
  }, []);

  useEffect(() => {
    const canvas = canvasRef.current;
    const ctx = canvas?.getContext('2d');
    if (!canvas || !ctx) return;
    let budget: FrameBudget = { averageMs: 0, slowFrames: 0, level };
    let frame = 0;
    let last = 0;
    const size = () => {
      const ratio = Math.min(window.devicePixelRatio || 1, detailLevels[budget.level]! >= 0.6 ? 2 : 1);
      canvas.width = Math.round(canvas.clientWidth * ratio);
      canvas.height = Math.round(canvas.clientHeight * ratio);
      ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    };
    const still = () => drawFrame(ctx, canvas.clientWidth, canvas.clientHeight, 2.5, state, 1);
    const observer = new ResizeObserver(() => {
      size();
      if (reduced) still();
    });
    observer.observe(canvas);
    size();
    if (reduced) {
      still();
      return () => observer.disconnect();
    }
    const loop = (now: number) => {
      if (last) {
        const next = recordFrame(budget, now - last);
        const dropped = next.level !== budget.level;
        budget = next;
        if (dropped) {
          size();
          setLevel(next.level);
        }
      }
      last = now;
      drawFrame(ctx, canvas.clientWidth, canvas.clientHeight, now / 1000, state, detailLevels[budget.level]!);
      frame = requestAnimationFrame(loop);
    };
    frame = requestAnimationFrame(loop);
    const onVisibility = () => {
      last = 0;
    };
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      cancelAnimationFrame(frame);
      observer.disconnect();
      document.removeEventListener('visibilitychange', onVisibility);
    };
    // NOTE: the level is read once per (re)start; lowering it from inside the loop must not restart the loop.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [state, reduced]);

  const summary = live
    ? t('summary', {
        running: live.running,
        waiting: live.waiting,
        failed: live.recentFailed,
        succeeded: live.recentSucceeded,
      })
    : t('loading');
  return (
    <figure className="relative overflow-hidden rounded-card border border-border bg-surface-sunken">
      <canvas
        ref={canvasRef}
        className="block h-40 w-full sm:h-48"
        role="img"
        aria-label={t(`state.${state}`)}
        data-testid="living-canvas"
        data-state={state}
        data-detail={detailLevels[level]}
        data-motion={reduced ? 'still' : 'animated'}
      />
      <figcaption className="flex flex-wrap items-center justify-between gap-2 border-t border-border px-4 py-2 text-sm">
        <span className="font-medium" aria-live="polite">
          {t(`state.${state}`)}
        </span>
        <span className="text-xs text-fg-muted">{summary}</span>
      </figcaption>
    </figure>
  );
}
