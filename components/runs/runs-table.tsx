// A table of runs: status, workflow, trigger, when, how long, linking each to its timeline (inside the Table
// primitive's own scroll region, so a narrow screen never scrolls the page sideways).
import { useFormatter, useTranslations } from 'next-intl';
import { Table, TBody, Td, Th, THead } from '@/components/ui/table';
import { Link } from '@/lib/i18n/navigation';
import type { RunDto } from '@/lib/workflows/runs/run-dto';
import { formatDuration } from './format-duration';
import { RunStatusBadge } from './run-status-badge';
import type { Serialized } from './run-view';

export function RunsTable({
  runs,
  showWorkflow = true,
  label,
}: {
  runs: (RunDto | Serialized<RunDto>)[];
  showWorkflow?: boolean;
  label: string;
}) {
  const t = useTranslations('runs');
  const format = useFormatter();
  return (
    <Table label={label} testId="runs-table">
      <THead>
        <tr>
          <Th>{t('columns.status')}</Th>
          {showWorkflow ? <Th>{t('columns.workflow')}</Th> : null}
          <Th>{t('columns.trigger')}</Th>
          <Th>{t('columns.started')}</Th>
          <Th>{t('columns.duration')}</Th>
          <Th>
            <span className="sr-only">{t('columns.open')}</span>
          </Th>
        </tr>
      </THead>
      <TBody>
        {runs.map((run) => (
          <tr key={run.id} data-testid="run-row" data-run-id={run.id} data-status={run.status}>
            <Td>
              <RunStatusBadge status={run.status} waiting={run.waiting} />
            </Td>
            {showWorkflow ? <Td>{run.workflowName ?? '—'}</Td> : null}
            <Td className="text-fg-muted">{t(`trigger.${run.trigger as 'manual'}`)}</Td>
            <Td className="whitespace-nowrap text-fg-muted">
              {format.dateTime(new Date(run.createdAt), { dateStyle: 'medium', timeStyle: 'medium' })}
            </Td>
            <Td className="whitespace-nowrap text-fg-muted">{formatDuration(run.durationMs)}</Td>
            <Td className="text-end">
              <Link href={`/runs/${run.id}`} className="text-brand-accent underline underline-offset-4">
                {t('open')}
                <span className="sr-only"> {t('runOf', { workflow: run.workflowName ?? '' })}</span>
              </Link>
            </Td>
          </tr>
        ))}
      </TBody>
    </Table>
  );
}
