'use client';
// The dashboard's plots, drawn with Recharts; the figures around them (caption, legend, screen-reader table) are server-rendered.
// NOTE: the plots are hidden from assistive technology (no keyboard layer); the table beside each carries the same figures.
import { formatDuration, formatShortDuration } from '@/components/runs/format-duration';
import { Bar, BarChart, CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';

export type RunsBarDatum = { label: string; succeeded: number; failed: number; other: number };
export type DurationDatum = { label: string; p50: number | null; p95: number | null };
type SeriesNames<K extends string> = Record<K, string>;

const axis = { stroke: 'var(--color-slate-400)', fontSize: 12 };
const tooltip = {
  contentStyle: {
    background: 'var(--color-slate-900)',
    border: '1px solid var(--color-slate-700)',
    borderRadius: 8,
    color: 'var(--color-slate-100)',
  },
  cursor: { fill: 'rgb(148 163 184 / 0.08)' },
};

export function RunsBarsPlot({
  data,
  names,
}: {
  data: RunsBarDatum[];
  names: SeriesNames<'succeeded' | 'failed' | 'other'>;
}) {
  return (
    <div className="mt-3 h-56 w-full" aria-hidden>
      <ResponsiveContainer width="100%" height="100%">
        <BarChart accessibilityLayer={false} data={data} margin={{ top: 8, right: 8, bottom: 0, left: -16 }}>
          <CartesianGrid vertical={false} stroke="var(--color-slate-800)" />
          <XAxis dataKey="label" tick={axis} tickLine={false} axisLine={false} interval="preserveStartEnd" />
          <YAxis allowDecimals={false} tick={axis} tickLine={false} axisLine={false} />
          <Tooltip {...tooltip} />
          <Bar
            dataKey="succeeded"
            name={names.succeeded}
            stackId="runs"
            fill="var(--color-success)"
            isAnimationActive={false}
          />
          <Bar
            dataKey="failed"
            name={names.failed}
            stackId="runs"
            fill="var(--color-danger)"
            isAnimationActive={false}
          />
          <Bar
            dataKey="other"
            name={names.other}
            stackId="runs"
            fill="var(--color-slate-500)"
            radius={[2, 2, 0, 0]}
            isAnimationActive={false}
          />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}

/** Durations in milliseconds; axis and tooltip show them as people read durations. */
export function DurationLinesPlot({ data, names }: { data: DurationDatum[]; names: SeriesNames<'p50' | 'p95'> }) {
  return (
    <div className="mt-3 h-56 w-full" aria-hidden>
      <ResponsiveContainer width="100%" height="100%">
        <LineChart accessibilityLayer={false} data={data} margin={{ top: 8, right: 8, bottom: 0, left: -8 }}>
          <CartesianGrid vertical={false} stroke="var(--color-slate-800)" />
          <XAxis dataKey="label" tick={axis} tickLine={false} axisLine={false} interval="preserveStartEnd" />
          <YAxis
            tick={axis}
            tickLine={false}
            axisLine={false}
            tickFormatter={(ms: number) => formatShortDuration(ms)}
            width={64}
          />
          <Tooltip {...tooltip} formatter={(ms) => formatDuration(typeof ms === 'number' ? ms : null)} />
          <Line
            type="monotone"
            dataKey="p95"
            name={names.p95}
            stroke="var(--color-brand-accent)"
            strokeWidth={2.5}
            dot={{ r: 3 }}
            connectNulls={false}
            isAnimationActive={false}
          />
          <Line
            type="monotone"
            dataKey="p50"
            name={names.p50}
            stroke="var(--color-brand)"
            strokeWidth={2.5}
            dot={{ r: 3 }}
            connectNulls={false}
            isAnimationActive={false}
          />
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
