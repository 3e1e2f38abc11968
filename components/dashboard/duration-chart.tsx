// p50 and p95 run duration per day as two Recharts lines (days without finished runs leave a gap), with a table for screen readers.
import { useFormatter, useTranslations } from 'next-intl';
import { formatDuration } from '@/components/runs/format-duration';
import type { RunDayStats } from '@/lib/workflows/analytics/get-run-stats';
import { DurationLinesPlot } from './chart-plots';
import { Legend } from './runs-per-day-chart';

export function DurationChart({ days }: { days: RunDayStats[] }) {
  const t = useTranslations('dashboard.charts');
  const format = useFormatter();
  const label = (day: string) =>
    format.dateTime(new Date(`${day}T00:00:00Z`), { day: 'numeric', month: 'short', timeZone: 'UTC' });
  const legend = [
    { color: 'fill-brand-accent', text: t('p95') },
    { color: 'fill-brand', text: t('p50') },
  ];
  const hasData = days.some((day) => day.p50Ms !== null);
  return (
    <figure className="rounded-card border border-border bg-surface-raised p-5">
      <figcaption className="font-display text-lg font-semibold">{t('duration')}</figcaption>
      <Legend items={legend} />
      <div data-testid="duration-chart" role="img" aria-label={hasData ? t('durationSummary') : t('noDurations')}>
        <DurationLinesPlot
          data={days.map((day) => ({ label: label(day.day), p50: day.p50Ms, p95: day.p95Ms }))}
          names={{ p50: t('p50'), p95: t('p95') }}
        />
      </div>
      <table className="sr-only">
        <caption>{t('duration')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('day')}</th>
            <th scope="col">{t('p50')}</th>
            <th scope="col">{t('p95')}</th>
          </tr>
        </thead>
        <tbody>
          {days.map((day) => (
            <tr key={day.day}>
              <th scope="row">{label(day.day)}</th>
              <td>{formatDuration(day.p50Ms)}</td>
              <td>{formatDuration(day.p95Ms)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
