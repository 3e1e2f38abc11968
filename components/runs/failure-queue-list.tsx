'use client';
// The failure queue, kept live (GET /api/failure-queue): failed runs with their error, step and attempts; replay one, or
// select many and replay them together (POST /api/failure-queue/replay), each answering for itself.
import { useFormatter, useTranslations } from 'next-intl';
import { useState } from 'react';
import { buttonClass } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { Link } from '@/lib/i18n/navigation';
import { callApi } from '@/lib/client/call-api';
import { readRunError } from './run-error';
import type { Serialized } from './run-view';
import type { RunDto } from '@/lib/workflows/runs/run-dto';
import { useLiveList } from './use-live-list';

type Outcome = { runId: string; ok: boolean; error?: { message: string } };
type Page = { runs: Serialized<RunDto>[]; nextCursor: string | null };

export function FailureQueueList({ initial }: { initial: Page }) {
  const t = useTranslations('runs.failureQueue');
  const format = useFormatter();
  const { data, fresh, mutate } = useLiveList<Page, Serialized<RunDto>>(
    '/api/failure-queue?limit=100',
    initial,
    (page) => page.runs,
  );
  const runs = data.runs;
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [outcomes, setOutcomes] = useState<Record<string, Outcome>>({});
  const [pending, setPending] = useState(false);
  const [summary, setSummary] = useState<string | null>(null);

  async function replay(runIds: string[]) {
    setPending(true);
    setSummary(null);
    const result = await callApi<{ results: Outcome[] }>('/api/failure-queue/replay', {
      json: { runIds, from: 'failed_step' },
    });
    setPending(false);
    if (!result.ok) return setSummary(result.error.message || t('failed'));
    const byRun = Object.fromEntries(result.data.results.map((outcome) => [outcome.runId, outcome]));
    setOutcomes((current) => ({ ...current, ...byRun }));
    const ok = result.data.results.filter((outcome) => outcome.ok).length;
    setSummary(t('replayed', { ok, failed: result.data.results.length - ok }));
    setSelected(new Set());
    void mutate();
  }

  const toggle = (id: string) =>
    setSelected((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  const allSelected = runs.length > 0 && selected.size === runs.length;
  const announcement = (
    <p role="status" aria-live="polite" className="sr-only" data-testid="failure-queue-live-status">
      {fresh > 0 ? t('newRuns', { count: fresh }) : ''}
    </p>
  );
  if (runs.length === 0)
    return (
      <div className="relative mt-8">
        {announcement}
        <EmptyState
          title={t('emptyTitle')}
          action={
            <Link href="/runs" className={buttonClass({ variant: 'secondary' })}>
              {t('emptyAction')}
            </Link>
          }
        >
          {t('emptyBody')}
        </EmptyState>
      </div>
    );
  return (
    <div className="relative mt-6">
      {announcement}
      <div className="flex flex-wrap items-center gap-3">
        <label className="inline-flex items-center gap-2 text-sm">
          <input
            type="checkbox"
            checked={allSelected}
            onChange={() => setSelected(allSelected ? new Set() : new Set(runs.map((run) => run.id)))}
            className="h-4 w-4 accent-brand"
          />
          {t('selectAll')}
        </label>
        <button
          type="button"
          disabled={pending || selected.size === 0}
          onClick={() => void replay([...selected])}
          className="rounded-lg bg-brand-gradient px-4 py-2 text-sm font-semibold text-slate-950 disabled:opacity-60"
        >
          {t('replaySelected', { count: selected.size })}
        </button>
        <span role="status" aria-live="polite" className="text-sm text-fg-muted" data-testid="replay-summary">
          {summary}
        </span>
      </div>
      <ul className="mt-4 space-y-3">
        {runs.map((run) => {
          const error = readRunError(run.error);
          const outcome = outcomes[run.id];
          return (
            <li
              key={run.id}
              className="flex gap-3 rounded-card border border-border bg-surface-raised p-4"
              data-testid="failed-run"
            >
              <input
                type="checkbox"
                checked={selected.has(run.id)}
                onChange={() => toggle(run.id)}
                aria-label={t('select', { workflow: run.workflowName ?? '', id: run.id.slice(0, 8) })}
                className="mt-1 h-4 w-4 shrink-0 accent-brand"
              />
              <div className="min-w-0 flex-1">
                <div className="flex flex-wrap items-baseline justify-between gap-2">
                  <Link href={`/runs/${run.id}`} className="font-medium underline-offset-4 hover:underline">
                    {run.workflowName}{' '}
                    <span className="font-mono text-xs text-fg-subtle" dir="ltr">
                      {run.id.slice(0, 8)}
                    </span>
                  </Link>
                  <span className="text-xs text-fg-subtle">
                    {run.finishedAt
                      ? format.dateTime(new Date(run.finishedAt), { dateStyle: 'medium', timeStyle: 'short' })
                      : null}
                  </span>
                </div>
                <p className="mt-1 text-sm text-danger" dir="auto">
                  {error?.code ? (
                    <code className="me-2 font-mono text-xs" dir="ltr">
                      {error.code}
                    </code>
                  ) : null}
                  {error?.message}
                </p>
                <p className="mt-1 text-xs text-fg-muted">
                  {error?.stepId ? t('step', { step: error.stepId }) : null}
                  {error?.stepId && error.attempts ? ' · ' : null}
                  {error?.attempts ? t('attempts', { count: error.attempts }) : null}
                </p>
                {outcome ? (
                  <p className={`mt-1 text-xs ${outcome.ok ? 'text-success' : 'text-danger'}`}>
                    {outcome.ok ? t('replayStarted') : outcome.error?.message}
                  </p>
                ) : null}
              </div>
              <button
                type="button"
                disabled={pending}
                onClick={() => void replay([run.id])}
                className="h-fit shrink-0 rounded-lg border border-border-strong px-3 py-1.5 text-sm hover:bg-surface-raised disabled:opacity-60"
              >
                {t('replay')}
                <span className="sr-only"> {run.workflowName}</span>
              </button>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
