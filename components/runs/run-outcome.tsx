// How a finished run ended, in a sentence: "Rejected by Ana at …", "Cancelled by Levqor at …", or the failure itself.
import { useFormatter, useTranslations } from 'next-intl';
import { readRunError } from './run-error';
import type { RunView } from './run-view';

export function RunOutcome({ run }: { run: RunView }) {
  const t = useTranslations('runs');
  const format = useFormatter();
  const error = readRunError(run.error);
  const when = (iso: string | null) =>
    iso ? format.dateTime(new Date(iso), { dateStyle: 'medium', timeStyle: 'short' }) : '—';

  if (run.status === 'rejected' || run.status === 'cancelled') {
    const sentence = run.status === 'rejected' ? rejectedSentence(run, t, when) : cancelledSentence(run, t, when);
    const comment = run.status === 'rejected' ? decisive(run)?.comment : null;
    return (
      <div
        className="mt-4 rounded-card border border-border-strong bg-surface-raised p-4 text-sm"
        data-testid="run-outcome"
      >
        <p className="font-semibold" data-outcome={run.status}>
          {sentence}
        </p>
        {comment ? (
          <p className="mt-1 text-fg-muted" dir="auto">
            “{comment}”
          </p>
        ) : null}
        <p className="mt-1 text-fg-muted">{t('outcome.notFailure')}</p>
      </div>
    );
  }
  if (!error) return null;
  return (
    <div
      role="alert"
      className="mt-4 rounded-card border border-danger/40 bg-danger/10 p-4 text-sm"
      data-testid="run-error"
    >
      <p className="font-semibold text-danger">
        {error.stepId ? t('errorAtStep', { step: error.stepId }) : t('errorTitle')}
      </p>
      <p className="mt-1" dir="auto">
        {error.code ? (
          <code className="me-2 font-mono text-xs" dir="ltr">
            {error.code}
          </code>
        ) : null}
        {error.message}
      </p>
      {error.attempts ? <p className="mt-1 text-fg-muted">{t('attempts', { count: error.attempts })}</p> : null}
    </div>
  );
}

type T = ReturnType<typeof useTranslations<'runs'>>;

/** The approval whose "no" (or timeout) ended the run. */
function decisive(run: RunView) {
  const stepId = readRunError(run.error)?.stepId;
  const ended = run.approvals.filter((a) => a.status === 'rejected' || a.status === 'expired');
  return ended.find((a) => a.stepId === stepId) ?? ended.at(-1);
}

function rejectedSentence(run: RunView, t: T, when: (iso: string | null) => string): string {
  const approval = decisive(run);
  const time = when(approval?.decidedAt ?? run.finishedAt);
  if (!approval || approval.status === 'expired') return t('outcome.expired', { time });
  if (approval.decidedVia === 'email_link') return t('outcome.rejectedByLink', { time });
  return t('outcome.rejectedBy', { name: approval.decidedBy ?? t('outcome.someone'), time });
}

function cancelledSentence(run: RunView, t: T, when: (iso: string | null) => string): string {
  const time = when(run.finishedAt);
  if (run.cancelledBy) return t('outcome.cancelledBy', { name: run.cancelledBy, time });
  const error = run.error && typeof run.error === 'object' ? (run.error as Record<string, unknown>) : {};
  if (error.by === 'api') return t('outcome.cancelledByApi', { time });
  // NOTE: a person cancelled it but has since left the workspace (older rows carry no `by`).
  if (error.code === 'cancelled') return t('outcome.cancelledBy', { name: t('outcome.someone'), time });
  return t('outcome.cancelledBySystem', { time });
}
