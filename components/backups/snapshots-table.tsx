// Backup snapshots: a table from the sm breakpoint up, stacked cards below it (every action reachable at 390 px).
import { useTranslations } from 'next-intl';
import { Table, TBody, Td, Th, THead } from '@/components/ui/table';
import type { SnapshotDto } from '@/lib/backups/snapshot-dto';
import { formatBytes } from '@/lib/format/format-bytes';
import { SnapshotActions } from './snapshot-actions';
import { snapshotStepLabel, SnapshotTitle } from './snapshot-title';
import { VerifyBadge } from './verify-badge';

type Props = { snapshots: SnapshotDto[]; showWorkflow?: boolean };

const labelOf = (snapshot: SnapshotDto) =>
  `${snapshot.workflowName} · ${snapshotStepLabel(snapshot)} · ${snapshot.name}`;

function Checksum({ sha256 }: { sha256: string }) {
  return (
    <code className="font-mono text-xs text-fg-muted" dir="ltr" title={sha256}>
      {sha256.slice(0, 12)}…
    </code>
  );
}

export function SnapshotsTable({ snapshots, showWorkflow = true }: Props) {
  const t = useTranslations('backups');
  return (
    <>
      <Table label={t('tableLabel')} className="hidden sm:block">
        <THead>
          <tr>
            <Th>{t('columns.snapshot')}</Th>
            <Th>{t('columns.size')}</Th>
            <Th>{t('columns.checksum')}</Th>
            <Th>{t('columns.verification')}</Th>
            <Th>
              <span className="sr-only">{t('columns.actions')}</span>
            </Th>
          </tr>
        </THead>
        <TBody>
          {snapshots.map((snapshot) => (
            <tr key={snapshot.id} className="align-top" data-testid="snapshot-row">
              <Td className="min-w-56">
                <SnapshotTitle snapshot={snapshot} showWorkflow={showWorkflow} />
              </Td>
              <Td className="whitespace-nowrap text-fg-muted">
                <span dir="ltr">{formatBytes(snapshot.sizeBytes)}</span>
              </Td>
              <Td>
                <Checksum sha256={snapshot.sha256} />
              </Td>
              <Td>
                <VerifyBadge
                  status={snapshot.verifyStatus}
                  verifiedAt={snapshot.verifiedAt}
                  via={snapshot.verifiedVia}
                />
              </Td>
              <Td>
                <SnapshotActions snapshot={snapshot} label={labelOf(snapshot)} />
              </Td>
            </tr>
          ))}
        </TBody>
      </Table>
      <ul className="space-y-3 sm:hidden" aria-label={t('tableLabel')}>
        {snapshots.map((snapshot) => (
          <li key={snapshot.id} className="rounded-card border border-border p-4" data-testid="snapshot-card">
            <SnapshotTitle snapshot={snapshot} showWorkflow={showWorkflow} />
            <div className="mt-3">
              <VerifyBadge status={snapshot.verifyStatus} verifiedAt={snapshot.verifiedAt} via={snapshot.verifiedVia} />
            </div>
            <p className="mt-2 flex flex-wrap gap-x-3 text-xs text-fg-muted">
              <span dir="ltr">{formatBytes(snapshot.sizeBytes)}</span>
              <Checksum sha256={snapshot.sha256} />
            </p>
            <div className="mt-3">
              <SnapshotActions snapshot={snapshot} label={labelOf(snapshot)} />
            </div>
          </li>
        ))}
      </ul>
    </>
  );
}
