// Runs per day (stacked: succeeded, failed, other) as a Recharts bar chart, with the same figures in a table for screen readers.
import { useFormatter, useTranslations } from 'next-intl';
import type { RunDayStats } from '@/lib/workflows/analytics/get-run-stats';
import { RunsBarsPlot } from './chart-plots';

export function RunsPerDayChart({ days }: { days: RunDayStats[] }) {
  const t = useTranslations('dashboard.charts');
  const format = useFormatter();
  const label = (day: string) =>
    format.dateTime(new Date(`${day}T00:00:00Z`), { day: 'numeric', month: 'short', timeZone: 'UTC' });
  const total = days.reduce((sum, day) => sum + day.total, 0);
  return (
    <figure className="rounded-card border border-border bg-surface-raised p-5">
      <figcaption className="font-display text-lg font-semibold">{t('runsPerDay')}</figcaption>
      <Legend
        items={[
          { color: 'fill-success', text: t('succeeded') },
          { color: 'fill-danger', text: t('failed') },
          { color: 'fill-slate-500', text: t('other') },
        ]}
      />
      <div
        data-testid="runs-per-day-chart"
        role="img"
        aria-label={t('runsPerDaySummary', { total, days: days.length })}
      >
        <RunsBarsPlot
          data={days.map((day) => ({
            label: label(day.day),
            succeeded: day.succeeded,
            failed: day.failed,
            other: day.total - day.succeeded - day.failed,
          }))}
          names={{ succeeded: t('succeeded'), failed: t('failed'), other: t('other') }}
        />
      </div>
      <table className="sr-only">
        <caption>{t('runsPerDay')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('day')}</th>
            <th scope="col">{t('total')}</th>
            <th scope="col">{t('succeeded')}</th>
            <th scope="col">{t('failed')}</th>
          </tr>
        </thead>
        <tbody>
          {days.map((day) => (
            <tr key={day.day}>
              <th scope="row">{label(day.day)}</th>
              <td>{day.total}</td>
              <td>{day.succeeded}</td>
              <td>{day.failed}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}

export function Legend({ items }: { items: { color: string; text: string; dashed?: boolean }[] }) {
  return (
    <ul className="mt-2 flex flex-wrap gap-4 text-xs text-fg-muted" aria-hidden>
      {items.map((item) => (
        <li key={item.text} className="inline-flex items-center gap-1.5">
          <svg width="14" height="10" aria-hidden>
            <rect width="14" height="10" rx="2" className={item.color} />
          </svg>
          {item.text}
        </li>
      ))}
    </ul>
  );
}
