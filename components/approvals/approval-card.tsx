// One approval: what it asks, for which workflow, run and step, until when; the decision form while pending, else the outcome.
import { useFormatter, useNow, useTranslations } from 'next-intl';
import { Link } from '@/lib/i18n/navigation';
import type { Serialized } from '@/components/runs/run-view';
import type { ApprovalDto } from '@/lib/workflows/approvals/list-approvals';
import { DecisionForm } from './decision-form';

const tone: Record<string, string> = {
  pending: 'text-warning',
  approved: 'text-success',
  rejected: 'text-danger',
  expired: 'text-fg-muted',
  cancelled: 'text-fg-muted',
};

export function ApprovalCard({
  approval,
  canDecide,
  token,
  linkToRun = true,
  onDecided,
}: {
  approval: ApprovalDto | Serialized<ApprovalDto>;
  canDecide: boolean;
  token?: string;
  linkToRun?: boolean;
  /** Called after a decision instead of refreshing the page (the live inbox refetches and moves focus). */
  onDecided?: (approvalId: string) => void;
}) {
  const t = useTranslations('approvals');
  const format = useFormatter();
  const now = useNow();
  const when = (date: Date | string) => format.dateTime(new Date(date), { dateStyle: 'medium', timeStyle: 'short' });
  const pending = approval.status === 'pending' && new Date(approval.expiresAt).getTime() > now.getTime();
  // NOTE: cancelling a run closes its approval as rejected (decided_via 'cancel'); nobody decided it.
  const cancelled = approval.decidedVia === 'cancel';
  const status = cancelled ? 'cancelled' : approval.status === 'pending' && !pending ? 'expired' : approval.status;
  return (
    <article
      className="rounded-card border border-border bg-surface-raised p-5"
      data-testid="approval-card"
      data-status={status}
      aria-labelledby={`approval-${approval.id}`}
    >
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id={`approval-${approval.id}`} className="font-medium" tabIndex={-1} data-testid="approval-heading">
          {approval.workflowName}{' '}
          <span className="font-mono text-xs text-fg-subtle" dir="ltr">
            · {approval.stepId}
          </span>
        </h2>
        <span className={`text-sm font-medium ${tone[status] ?? 'text-fg-muted'}`}>
          {t(`status.${status as 'pending'}`)}
        </span>
      </div>
      {approval.message ? (
        <p className="mt-2 whitespace-pre-wrap text-fg" dir="auto">
          {approval.message}
        </p>
      ) : null}
      <p className="mt-2 text-xs text-fg-subtle">
        {t('requested', { date: when(approval.createdAt) })} ·{' '}
        {pending
          ? t('expires', { date: when(approval.expiresAt) })
          : approval.decidedAt
            ? t(cancelled ? 'cancelledAt' : 'decidedAt', { date: when(approval.decidedAt) })
            : t('expiredAt', { date: when(approval.expiresAt) })}
        {linkToRun ? (
          <>
            {' · '}
            <Link href={`/runs/${approval.runId}`} className="text-brand-accent underline underline-offset-4">
              {t('openRun')}
            </Link>
          </>
        ) : null}
      </p>
      {!pending && approval.decidedAt && !cancelled ? (
        <p className="mt-2 text-sm text-fg-muted">
          {t('decidedBy', {
            who: approval.decidedBy ?? t(`via.${approval.decidedVia === 'email_link' ? 'email_link' : 'system'}`),
          })}
          {approval.comment ? <span dir="auto"> — “{approval.comment}”</span> : null}
        </p>
      ) : null}
      {pending && canDecide ? (
        <DecisionForm
          approvalId={approval.id}
          token={token}
          onDecided={onDecided ? () => onDecided(approval.id) : undefined}
          label={t('decideLabel', { workflow: approval.workflowName, step: approval.stepId })}
        />
      ) : null}
      {pending && !canDecide ? <p className="mt-3 text-sm text-fg-subtle">{t('adminOnly')}</p> : null}
    </article>
  );
}
