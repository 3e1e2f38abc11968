// A snapshot's display name, "<workflow> · <step> · <time>", with its stored name, format and source, and its run.
import { useTranslations } from 'next-intl';
import { Time } from '@/components/ui/time';
import type { SnapshotDto } from '@/lib/backups/snapshot-dto';
import { Link } from '@/lib/i18n/navigation';

export function snapshotStepLabel(snapshot: SnapshotDto): string {
  return snapshot.stepName || snapshot.stepId;
}

export function SnapshotTitle({ snapshot, showWorkflow = true }: { snapshot: SnapshotDto; showWorkflow?: boolean }) {
  const t = useTranslations('backups');
  return (
    <div className="min-w-0">
      <p className="font-medium break-words" data-testid="snapshot-title">
        {showWorkflow ? (
          <Link
            href={{ pathname: `/workflows/${snapshot.workflowId}`, query: { tab: 'backups' } }}
            className="underline-offset-4 hover:underline"
          >
            {snapshot.workflowName}
          </Link>
        ) : (
          snapshot.workflowName
        )}
        {' · '}
        {snapshotStepLabel(snapshot)}
        {' · '}
        <Time value={snapshot.createdAt} />
      </p>
      <p className="mt-0.5 text-xs break-words text-fg-subtle">
        {snapshot.name} · {snapshot.format} · {snapshot.source}
      </p>
      {snapshot.runId ? (
        <Link
          href={`/runs/${snapshot.runId}`}
          className="mt-1 inline-block text-xs text-brand-accent underline underline-offset-4"
          data-testid="snapshot-run-link"
        >
          {t('openRun')}
        </Link>
      ) : null}
    </div>
  );
}
