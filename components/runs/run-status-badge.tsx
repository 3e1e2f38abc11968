// A run's (or a step attempt's) status as a coloured pill, with what it waits for while it waits.
import { useTranslations } from 'next-intl';

const tone: Record<string, string> = {
  succeeded: 'border-success/40 bg-success/10 text-success',
  failed: 'border-danger/40 bg-danger/10 text-danger',
  rejected: 'border-warning/40 bg-warning/10 text-warning',
  cancelled: 'border-border-strong bg-surface text-fg-muted',
  running: 'border-brand-accent/40 bg-brand-accent/10 text-brand-accent',
  queued: 'border-warning/40 bg-warning/10 text-warning',
  waiting: 'border-warning/40 bg-warning/10 text-warning',
  notRun: 'border-border bg-surface text-fg-subtle',
};

const known = ['queued', 'running', 'succeeded', 'failed', 'rejected', 'cancelled', 'waiting', 'notRun'] as const;

export function RunStatusBadge({ status, waiting }: { status: string; waiting?: string | null }) {
  const t = useTranslations('runs');
  const key = (known as readonly string[]).includes(status) ? (status as (typeof known)[number]) : 'queued';
  return (
    <span
      className={`inline-flex items-center gap-1 whitespace-nowrap rounded-full border px-2 py-0.5 text-xs font-medium ${tone[key]}`}
      data-status={status}
    >
      {t(`status.${key}`)}
      {waiting ? <span className="font-normal">· {t(`waiting.${waiting as 'sleep'}`)}</span> : null}
    </span>
  );
}
