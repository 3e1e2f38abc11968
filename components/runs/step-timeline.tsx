// The run's steps in order, each with every attempt (status, attempt number, duration, input, output, error), its
// approvals and how long it waited (for a person or a delay) rather than a waiting step's 1 ms of execution.
import { useFormatter, useTranslations } from 'next-intl';
import { Link } from '@/lib/i18n/navigation';
import { formatDuration } from './format-duration';
import { JsonBlock } from './json-block';
import { readRunError } from './run-error';
import { RunStatusBadge } from './run-status-badge';
import type { RunView } from './run-view';

export function StepTimeline({ run }: { run: RunView }) {
  const t = useTranslations('runs.timeline');
  const tWait = useTranslations('runs.wait');
  const format = useFormatter();
  const time = (iso: string | null) => (iso ? format.dateTime(new Date(iso), { timeStyle: 'medium' }) : '—');
  return (
    <ol className="space-y-4" aria-label={t('label')} data-testid="step-timeline">
      {run.steps.map((step, index) => {
        const attempts = run.stepRuns.filter((attempt) => attempt.stepId === step.id);
        const approvals = run.approvals.filter((approval) => approval.stepId === step.id);
        const waits = run.waits.filter((wait) => wait.stepId === step.id);
        // NOTE: an approval or delay step's execution takes a millisecond; the wait is what a person notices.
        const waitStep = step.type === 'approval' || step.type === 'delay';
        const last = attempts.at(-1);
        const waitingHere =
          run.currentStepId === step.id &&
          (run.status === 'queued' || run.status === 'running') &&
          run.waiting === 'approval';
        const refused = approvals.some(
          (approval) =>
            approval.status === 'expired' || (approval.status === 'rejected' && approval.decidedVia !== 'cancel'),
        );
        const status = waitingHere ? 'waiting' : (last?.status ?? (refused ? 'rejected' : 'notRun'));
        return (
          <li
            key={step.id}
            className="rounded-card border border-border bg-surface-raised p-4"
            data-testid="timeline-step"
            data-step={step.id}
            data-status={status}
          >
            <div className="flex flex-wrap items-center justify-between gap-2">
              <h3 className="font-medium">
                <span className="me-2 text-fg-subtle">{index + 1}.</span>
                {step.name ?? step.id}
                <span className="ms-2 font-mono text-xs text-fg-subtle" dir="ltr">
                  {step.id} · {step.type}
                </span>
              </h3>
              <RunStatusBadge status={status} />
            </div>
            {waits.map((wait) => (
              <p
                key={`${wait.kind}-${wait.since}`}
                className="mt-2 text-sm text-fg-muted"
                data-testid="step-wait"
                data-kind={wait.kind}
              >
                {wait.until
                  ? tWait(wait.kind, { duration: formatDuration(wait.ms) })
                  : tWait(wait.kind === 'approval' ? 'approvalSince' : 'delaySince', {
                      time: format.dateTime(new Date(wait.since), { timeStyle: 'short' }),
                    })}
              </p>
            ))}
            {attempts.length > 0 ? (
              <ol className="mt-3 space-y-3 border-s border-border ps-4">
                {attempts.map((attempt) => {
                  const error = readRunError(attempt.error);
                  return (
                    <li
                      key={`${attempt.stepId}-${attempt.attempt}`}
                      data-testid="step-attempt"
                      data-status={attempt.status}
                    >
                      <p className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm">
                        <span className="font-medium">{t('attempt', { number: attempt.attempt })}</span>
                        <RunStatusBadge status={attempt.status} />
                        <span className="text-fg-muted">{t('startedAt', { time: time(attempt.startedAt) })}</span>
                        {waitStep ? null : (
                          <span className="text-fg-muted">
                            {t('duration', { duration: formatDuration(attempt.durationMs) })}
                          </span>
                        )}
                      </p>
                      {error ? (
                        <p
                          className="mt-2 rounded-lg border border-danger/40 bg-danger/10 px-3 py-2 text-sm text-danger"
                          dir="auto"
                        >
                          {error.code ? (
                            <code className="me-2 font-mono text-xs" dir="ltr">
                              {error.code}
                            </code>
                          ) : null}
                          {error.message}
                        </p>
                      ) : null}
                      <div className="mt-2 grid gap-2 md:grid-cols-2">
                        <details className="min-w-0">
                          <summary className="cursor-pointer text-sm text-fg-muted">{t('input')}</summary>
                          <JsonBlock
                            value={attempt.input}
                            label={t('inputOf', { step: step.id, number: attempt.attempt })}
                          />
                        </details>
                        <details className="min-w-0" open={attempt.status === 'succeeded' && attempt.output !== null}>
                          <summary className="cursor-pointer text-sm text-fg-muted">{t('output')}</summary>
                          <JsonBlock
                            value={attempt.output}
                            label={t('outputOf', { step: step.id, number: attempt.attempt })}
                          />
                        </details>
                      </div>
                    </li>
                  );
                })}
              </ol>
            ) : (
              <p className="mt-2 text-sm text-fg-subtle">{t('notRunYet')}</p>
            )}
            {approvals.map((approval) => (
              <div
                key={approval.id}
                className="mt-3 rounded-lg border border-warning/40 bg-warning/5 px-3 py-2 text-sm"
                data-testid="step-approval"
              >
                <p>
                  <span className="font-medium">
                    {t(`approval.${approval.decidedVia === 'cancel' ? 'cancelled' : (approval.status as 'pending')}`)}
                  </span>
                  {approval.status === 'pending' ? (
                    <span className="text-fg-muted">
                      {' '}
                      ·{' '}
                      {t('approvalExpires', {
                        time: format.dateTime(new Date(approval.expiresAt), {
                          dateStyle: 'medium',
                          timeStyle: 'short',
                        }),
                      })}
                    </span>
                  ) : null}
                  {approval.decidedAt ? (
                    <span className="text-fg-muted">
                      {' '}
                      · {format.dateTime(new Date(approval.decidedAt), { dateStyle: 'medium', timeStyle: 'short' })}
                    </span>
                  ) : null}
                </p>
                {approval.comment ? (
                  <p className="mt-1 text-fg-muted" dir="auto">
                    “{approval.comment}”
                  </p>
                ) : null}
                {approval.status === 'pending' ? (
                  <Link
                    href={`/approvals/${approval.id}`}
                    className="mt-1 inline-block text-brand-accent underline underline-offset-4"
                  >
                    {t('decide')}
                  </Link>
                ) : null}
              </div>
            ))}
          </li>
        );
      })}
    </ol>
  );
}
