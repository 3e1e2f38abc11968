// Backup snapshots: name, workflow, when, size, checksum (short), verification, download and restore.
import { useFormatter, useTranslations } from 'next-intl';
import { Link } from '@/lib/i18n/navigation';
import type { SnapshotDto } from '@/lib/backups/snapshot-dto';
import { formatBytes } from '@/lib/format/format-bytes';
import { RestoreForm } from './restore-form';
import { VerifyBadge } from './verify-badge';

export function SnapshotsTable({
  snapshots,
  showWorkflow = true,
}: {
  snapshots: SnapshotDto[];
  showWorkflow?: boolean;
}) {
  const t = useTranslations('backups');
  const format = useFormatter();
  return (
    <div className="overflow-x-auto rounded-card border border-border">
      <table className="w-full text-sm">
        <caption className="sr-only">{t('tableLabel')}</caption>
        <thead className="bg-surface-raised text-fg-muted">
          <tr>
            <th scope="col" className="px-4 py-3 text-start font-medium">
              {t('columns.name')}
            </th>
            {showWorkflow ? (
              <th scope="col" className="px-4 py-3 text-start font-medium">
                {t('columns.workflow')}
              </th>
            ) : null}
            <th scope="col" className="px-4 py-3 text-start font-medium">
              {t('columns.created')}
            </th>
            <th scope="col" className="px-4 py-3 text-start font-medium">
              {t('columns.size')}
            </th>
            <th scope="col" className="px-4 py-3 text-start font-medium">
              {t('columns.checksum')}
            </th>
            <th scope="col" className="px-4 py-3 text-start font-medium">
              {t('columns.verification')}
            </th>
            <th scope="col" className="px-4 py-3 text-start font-medium">
              <span className="sr-only">{t('columns.actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-border">
          {snapshots.map((snapshot) => (
            <tr key={snapshot.id} className="align-top" data-testid="snapshot-row">
              <td className="px-4 py-3">
                <span className="font-medium">{snapshot.name}</span>
                <span className="block text-xs text-fg-subtle">
                  {snapshot.format} · {snapshot.source}
                </span>
              </td>
              {showWorkflow ? (
                <td className="px-4 py-3">
                  <Link
                    href={{ pathname: `/workflows/${snapshot.workflowId}`, query: { tab: 'backups' } }}
                    className="underline-offset-4 hover:underline"
                  >
                    {snapshot.workflowName}
                  </Link>
                </td>
              ) : null}
              <td className="whitespace-nowrap px-4 py-3 text-fg-muted">
                {format.dateTime(snapshot.createdAt, { dateStyle: 'medium', timeStyle: 'short' })}
              </td>
              <td className="whitespace-nowrap px-4 py-3 text-fg-muted" dir="ltr">
                {formatBytes(snapshot.sizeBytes)}
              </td>
              <td className="px-4 py-3">
                <code className="font-mono text-xs text-fg-muted" dir="ltr" title={snapshot.sha256}>
                  {snapshot.sha256.slice(0, 12)}…
                </code>
              </td>
              <td className="px-4 py-3">
                <VerifyBadge status={snapshot.verifyStatus} />
                {snapshot.verifiedAt ? (
                  <span className="mt-1 block text-xs text-fg-subtle">
                    {format.dateTime(snapshot.verifiedAt, { dateStyle: 'short' })}
                  </span>
                ) : null}
              </td>
              <td className="px-4 py-3">
                {snapshot.verifyStatus === 'corrupt' ? (
                  <span className="text-xs text-danger">{t('corruptHint')}</span>
                ) : (
                  <div className="flex flex-col items-start gap-2">
                    <a
                      href={`/api/backups/${snapshot.id}/download`}
                      download={snapshot.fileName}
                      className="text-brand-accent underline underline-offset-4"
                    >
                      {t('download')}
                      <span className="sr-only"> {snapshot.name}</span>
                    </a>
                    <RestoreForm snapshotId={snapshot.id} name={snapshot.name} />
                  </div>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
