// A table of runs: status, workflow, trigger, when, how long, linking each to its timeline.
import { useFormatter, useTranslations } from 'next-intl';
import { Link } from '@/lib/i18n/navigation';
import type { RunDto } from '@/lib/workflows/runs/run-dto';
import { formatDuration } from './format-duration';
import { RunStatusBadge } from './run-status-badge';

export function RunsTable({
  runs,
  showWorkflow = true,
  label,
}: {
  runs: RunDto[];
  showWorkflow?: boolean;
  label: string;
}) {
  const t = useTranslations('runs');
  const format = useFormatter();
  return (
    <div className="overflow-x-auto rounded-card border border-border">
      <table className="w-full text-sm">
        <caption className="sr-only">{label}</caption>
        <thead className="bg-surface-raised text-fg-muted">
          <tr>
            <th scope="col" className="px-4 py-3 text-start font-medium">
              {t('columns.status')}
            </th>
            {showWorkflow ? (
              <th scope="col" className="px-4 py-3 text-start font-medium">
                {t('columns.workflow')}
              </th>
            ) : null}
            <th scope="col" className="px-4 py-3 text-start font-medium">
              {t('columns.trigger')}
            </th>
            <th scope="col" className="px-4 py-3 text-start font-medium">
              {t('columns.started')}
            </th>
            <th scope="col" className="px-4 py-3 text-start font-medium">
              {t('columns.duration')}
            </th>
            <th scope="col" className="px-4 py-3 text-start font-medium">
              <span className="sr-only">{t('columns.open')}</span>
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-border">
          {runs.map((run) => (
            <tr key={run.id} data-testid="run-row">
              <td className="px-4 py-3">
                <RunStatusBadge status={run.status} waiting={run.waiting} />
              </td>
              {showWorkflow ? <td className="px-4 py-3">{run.workflowName ?? '—'}</td> : null}
              <td className="px-4 py-3 text-fg-muted">{t(`trigger.${run.trigger as 'manual'}`)}</td>
              <td className="whitespace-nowrap px-4 py-3 text-fg-muted">
                {format.dateTime(new Date(run.createdAt), { dateStyle: 'medium', timeStyle: 'medium' })}
              </td>
              <td className="whitespace-nowrap px-4 py-3 text-fg-muted">{formatDuration(run.durationMs)}</td>
              <td className="px-4 py-3 text-end">
                <Link href={`/runs/${run.id}`} className="text-brand-accent underline underline-offset-4">
                  {t('open')}
                  <span className="sr-only"> {t('runOf', { workflow: run.workflowName ?? '' })}</span>
                </Link>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
