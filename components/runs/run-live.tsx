'use client';
// A run's page body, kept live: polls GET /api/runs/:id every 2 s while the run is queued or running (slower while it
// sleeps or waits for an approval, and after a 429), and stops once it has finished.
import { useFormatter, useTranslations } from 'next-intl';
import { useCallback, useEffect, useState } from 'react';
import { Badge } from '@/components/ui/badge';
import { Link } from '@/lib/i18n/navigation';
import { formatDuration } from './format-duration';
import { RunActions } from './run-actions';
import { RunOutcome } from './run-outcome';
import { RunStatusBadge } from './run-status-badge';
import { isActive, type RunView } from './run-view';
import { StepTimeline } from './step-timeline';

const FAST_MS = 2_000;
const PARKED_MS = 5_000;
const BACKOFF_MS = 15_000;

/** `whenFailed`: shown under the outcome while the run has failed (the debug assistant). */
export function RunLive({ initial, whenFailed }: { initial: RunView; whenFailed?: React.ReactNode }) {
  const t = useTranslations('runs');
  const draftT = useTranslations('workflows.draft');
  const format = useFormatter();
  const [run, setRun] = useState(initial);
  const [poll, setPoll] = useState(0);
  const [stale, setStale] = useState(false);

  const refresh = useCallback(async (): Promise<number> => {
    const response = await fetch(`/api/runs/${initial.id}`, {
      cache: 'no-store',
      headers: { accept: 'application/json' },
    }).catch(() => null);
    if (!response || response.status === 429 || !response.ok) {
      setStale(true);
      return response?.status === 429
        ? Number(response.headers.get('retry-after') ?? 15) * 1_000 || BACKOFF_MS
        : BACKOFF_MS;
    }
    const next = (await response.json()) as RunView;
    setStale(false);
    setRun(next);
    return isActive(next.status) ? (next.waiting === 'approval' || next.waiting === 'sleep' ? PARKED_MS : FAST_MS) : 0;
  }, [initial.id]);

  useEffect(() => {
    if (!isActive(run.status) && poll === 0) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let stopped = false;
    const tick = async () => {
      const delay = await refresh();
      if (!stopped && delay > 0) timer = setTimeout(() => void tick(), delay);
    };
    timer = setTimeout(() => void tick(), poll === 0 ? FAST_MS : 0);
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
    // NOTE: restarts only when the run is replayed or cancelled here (poll), not on every update it fetches itself.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [poll, refresh]);

  const when = (iso: string | null) =>
    iso ? format.dateTime(new Date(iso), { dateStyle: 'medium', timeStyle: 'medium' }) : '—';
  return (
    <div className="max-w-5xl">
      <p className="text-sm">
        <Link href="/runs" className="text-fg-muted underline-offset-4 hover:underline">
          <span aria-hidden className="inline-block rtl:rotate-180">
            ←
          </span>{' '}
          {t('title')}
        </Link>
      </p>
      <div className="mt-2 flex flex-wrap items-center gap-3">
        <h1 className="font-display text-3xl font-semibold">
          <Link href={`/workflows/${run.workflowId}`} className="underline-offset-4 hover:underline">
            {run.workflowName}
          </Link>
        </h1>
        <span role="status" aria-live="polite" data-testid="run-status" data-status={run.status}>
          <RunStatusBadge status={run.status} waiting={run.waiting} />
        </span>
        {run.draft ? (
          <Badge tone="warning" data-testid="run-draft">
            {draftT('runBadge')}
          </Badge>
        ) : null}
        {isActive(run.status) ? (
          <span className="text-xs text-fg-subtle">{stale ? t('live.stale') : t('live.updating')}</span>
        ) : null}
      </div>
      <dl className="mt-4 grid gap-4 rounded-card border border-border p-4 text-sm sm:grid-cols-3 lg:grid-cols-6">
        <Fact
          label={t('facts.run')}
          value={
            <code className="font-mono text-xs" dir="ltr">
              {run.id.slice(0, 8)}
            </code>
          }
        />
        <Fact label={t('facts.trigger')} value={t(`trigger.${run.trigger as 'manual'}`)} />
        <Fact label={t('facts.version')} value={`v${run.version}`} />
        <Fact label={t('facts.created')} value={when(run.createdAt)} />
        <Fact label={t('facts.finished')} value={when(run.finishedAt)} />
        <Fact
          label={t('facts.duration')}
          value={
            <>
              {formatDuration(run.durationMs)}
              {run.waitedMs > 0 ? (
                <span className="block text-xs text-fg-muted" data-testid="run-waited">
                  {t('wait.ofWhich', { duration: formatDuration(run.waitedMs) })}
                </span>
              ) : null}
            </>
          }
        />
      </dl>
      {run.replayOf ? (
        <p className="mt-2 text-sm text-fg-muted">
          {t('replayOf')}{' '}
          <Link href={`/runs/${run.replayOf}`} className="text-brand-accent underline underline-offset-4">
            {run.replayOf.slice(0, 8)}
          </Link>
        </p>
      ) : null}
      <RunOutcome run={run} />
      {run.status === 'failed' ? whenFailed : null}
      <div className="mt-4">
        <RunActions runId={run.id} status={run.status} onChanged={() => setPoll((value) => value + 1)} />
      </div>
      <h2 className="mt-8 font-display text-xl font-semibold">{t('timeline.title')}</h2>
      <div className="mt-3">
        <StepTimeline run={run} />
      </div>
      <details className="mt-6">
        <summary className="cursor-pointer text-sm text-fg-muted">{t('payload')}</summary>
        <pre
          className="mt-2 max-h-72 overflow-auto rounded-lg border border-border bg-surface-sunken p-3 font-mono text-xs"
          dir="ltr"
          tabIndex={0}
          aria-label={t('payload')}
        >
          {JSON.stringify(run.payload, null, 2)}
        </pre>
      </details>
    </div>
  );
}

function Fact({ label, value }: { label: string; value: React.ReactNode }) {
  return (
    <div>
      <dt className="text-xs text-fg-subtle">{label}</dt>
      <dd className="mt-1">{value}</dd>
    </div>
  );
}
