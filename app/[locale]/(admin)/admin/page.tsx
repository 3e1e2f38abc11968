// Admin → System health: the latest heartbeat, uptime, the last hour minute by minute, and the scheduled jobs.
import { getFormatter, getTranslations, setRequestLocale } from 'next-intl/server';
import { Time } from '@/components/ui/time';
import { AdminSection } from '@/components/admin/admin-section';
import { HeartbeatStrip } from '@/components/admin/heartbeat-strip';
import { StatCard } from '@/components/admin/stat-card';
import { StatusBadge, toneOf } from '@/components/admin/status-badge';
import { getDb } from '@/db';
import { listHeartbeats } from '@/lib/admin/list-heartbeats';
import { listJobOverview } from '@/lib/admin/list-job-runs';
import { requireAdminPage } from '@/lib/admin/require-admin';
import { getHeartbeatHistory, getUptime } from '@/lib/guardian/uptime';
import { pageTitle } from '@/lib/i18n/page-title';
import { appVersion } from '@/lib/system/version';
import { Table, THead, TBody } from '@/components/ui/table';

const DAY_MS = 86_400_000;
const th = 'px-4 py-3 text-start font-medium';
const td = 'px-4 py-3';

export const generateMetadata = pageTitle('admin', 'health.title');

export default async function SystemHealthPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  await requireAdminPage(locale, '/admin');
  const db = await getDb();
  const now = new Date();
  const [t, format, history, day, week, beats, jobs] = await Promise.all([
    getTranslations('admin'),
    getFormatter(),
    getHeartbeatHistory(db, 60, now),
    getUptime(db, new Date(now.getTime() - DAY_MS), now),
    getUptime(db, new Date(now.getTime() - 7 * DAY_MS), now),
    listHeartbeats(db, 10),
    listJobOverview(db, now),
  ]);
  const latest = beats[0];
  const pct = (value: number | null) =>
    value === null ? (
      <span className="text-base font-normal text-fg-muted">{t('common.notYet')}</span>
    ) : (
      format.number(value / 100, { style: 'percent', maximumFractionDigits: 2 })
    );
  const time = (date: Date | null) =>
    date ? format.dateTime(date, { dateStyle: 'medium', timeStyle: 'medium' }) : '—';
  const counts = { ok: 0, degraded: 0, down: 0, missing: 0 };
  for (const minute of history) counts[minute.status] += 1;
  const statusLabels = {
    ok: t('health.status.ok'),
    degraded: t('health.status.degraded'),
    down: t('health.status.down'),
    missing: t('health.status.missing'),
  };
  const check = (value: string | boolean | null) =>
    value === true || value === 'true'
      ? t('health.check.ok')
      : value === 'not_configured'
        ? t('health.check.notConfigured')
        : value === null
          ? '—'
          : t('health.check.failing');

  return (
    <div className="max-w-6xl">
      <h1 className="font-display text-3xl font-semibold">{t('health.title')}</h1>
      <p className="mt-2 max-w-3xl text-fg-muted">{t('health.intro')}</p>
      <dl className="mt-8 grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        <StatCard
          label={t('health.current')}
          value={
            latest ? (
              <StatusBadge tone={toneOf(latest.status)} testId="current-status">
                {statusLabels[latest.status as 'ok'] ?? latest.status}
              </StatusBadge>
            ) : (
              t('health.noHeartbeat')
            )
          }
          note={latest ? t('health.checkedAt', { time: time(latest.createdAt) }) : t('health.noHeartbeatHint')}
        />
        <StatCard
          label={t('health.uptime24h')}
          value={pct(day.uptimePct)}
          note={t('health.minutesUp', { up: day.upMinutes, expected: day.expectedMinutes })}
          testId="uptime-24h"
        />
        <StatCard
          label={t('health.uptime7d')}
          value={pct(week.uptimePct)}
          note={t('health.minutesUp', { up: week.upMinutes, expected: week.expectedMinutes })}
        />
        <StatCard
          label={t('health.version')}
          value={
            <span className="font-mono text-xl" dir="ltr">
              {appVersion}
            </span>
          }
        />
      </dl>

      <AdminSection id="history" title={t('health.historyTitle')} description={t('health.historyIntro')}>
        <HeartbeatStrip
          minutes={history}
          label={t('health.historyLabel', counts)}
          statusLabels={statusLabels}
          formatTime={(date) => format.dateTime(date, { timeStyle: 'short' })}
        />
        <ul className="mt-2 flex flex-wrap gap-4 text-xs text-fg-subtle" aria-hidden="true">
          {(['ok', 'degraded', 'down', 'missing'] as const).map((status) => (
            <li key={status}>
              {statusLabels[status]}: {counts[status]}
            </li>
          ))}
        </ul>
        {beats.length === 0 ? (
          <p className="mt-6 text-sm text-fg-subtle">{t('health.noHeartbeatHint')}</p>
        ) : (
          <Table label={t('health.recentTitle')} className="mt-6">
            <THead>
              <tr>
                <th scope="col" className={th}>
                  {t('common.time')}
                </th>
                <th scope="col" className={th}>
                  {t('common.status')}
                </th>
                <th scope="col" className={th}>
                  {t('health.db')}
                </th>
                <th scope="col" className={th}>
                  Stripe
                </th>
                <th scope="col" className={th}>
                  {t('health.ai')}
                </th>
                <th scope="col" className={th}>
                  {t('health.recentErrors')}
                </th>
                <th scope="col" className={th}>
                  {t('health.latency')}
                </th>
              </tr>
            </THead>
            <TBody>
              {beats.map((beat) => (
                <tr key={beat.id} data-testid="heartbeat-row">
                  <td className={`${td} whitespace-nowrap text-fg-muted`}>
                    <Time value={beat.createdAt} format="dateTimeSeconds" />
                  </td>
                  <td className={td}>
                    <StatusBadge tone={toneOf(beat.status)}>
                      {statusLabels[beat.status as 'ok'] ?? beat.status}
                    </StatusBadge>
                  </td>
                  <td className={td}>{check(beat.dbOk)}</td>
                  <td className={td}>{check(beat.stripeOk)}</td>
                  <td className={td}>{check(beat.brainOk)}</td>
                  <td className={`${td} tabular-nums`}>{beat.errorCountRecent ?? '—'}</td>
                  <td className={`${td} tabular-nums`}>
                    {beat.latencyMs === null
                      ? '—'
                      : format.number(beat.latencyMs, {
                          style: 'unit',
                          unit: 'millisecond',
                          maximumFractionDigits: 1,
                        })}
                  </td>
                </tr>
              ))}
            </TBody>
          </Table>
        )}
      </AdminSection>

      <AdminSection id="jobs" title={t('jobs.title')} description={t('jobs.intro')}>
        <Table label={t('jobs.title')}>
          <THead>
            <tr>
              <th scope="col" className={th}>
                {t('jobs.job')}
              </th>
              <th scope="col" className={th}>
                {t('jobs.schedule')}
              </th>
              <th scope="col" className={th}>
                {t('jobs.lastRun')}
              </th>
              <th scope="col" className={th}>
                {t('common.status')}
              </th>
              <th scope="col" className={th}>
                {t('jobs.failures7d')}
              </th>
            </tr>
          </THead>
          <TBody>
            {jobs.jobs.map((job) => (
              <tr key={job.id} data-testid="job-row">
                <td className={td}>
                  <span className="font-mono text-xs" dir="ltr">
                    {job.id}
                  </span>
                  <span className="mt-0.5 block text-xs text-fg-subtle">
                    {t.has(`jobs.descriptions.${job.id}`)
                      ? t(`jobs.descriptions.${job.id}` as 'jobs.descriptions.heartbeat')
                      : job.description}
                  </span>
                </td>
                <td className={`${td} font-mono text-xs`} dir="ltr">
                  {job.cron}
                </td>
                <td className={`${td} whitespace-nowrap text-fg-muted`}>
                  <Time value={job.last?.startedAt} format="dateTimeSeconds" />
                </td>
                <td className={td}>
                  {job.last ? (
                    <StatusBadge tone={toneOf(job.last.status)}>{t(`jobs.status.${job.last.status}`)}</StatusBadge>
                  ) : (
                    <span className="text-fg-subtle">{t('jobs.never')}</span>
                  )}
                </td>
                <td className={`${td} tabular-nums ${job.failures7d > 0 ? 'text-danger' : ''}`}>{job.failures7d}</td>
              </tr>
            ))}
          </TBody>
        </Table>
        <h3 className="mt-6 text-base font-semibold">{t('jobs.failuresTitle')}</h3>
        {jobs.failures.length === 0 ? (
          <p className="mt-2 text-sm text-fg-subtle">{t('jobs.noFailures')}</p>
        ) : (
          <ul className="mt-2 divide-y divide-border rounded-card border border-border text-sm">
            {jobs.failures.map((run) => (
              <li key={run.id} className="px-4 py-3" data-testid="job-failure">
                <span className="font-mono text-xs" dir="ltr">
                  {run.jobId}
                </span>
                <span className="ms-2 text-fg-subtle">
                  {time(run.startedAt)} · {t('jobs.attempts', { count: run.attempt })}
                </span>
                <p className="mt-1 break-words font-mono text-xs text-danger" dir="ltr">
                  {run.error ?? '—'}
                </p>
              </li>
            ))}
          </ul>
        )}
      </AdminSection>
    </div>
  );
}
