// What can be done with one snapshot: verify now, download and restore (a corrupt one is only re-checked, never served).
import { useTranslations } from 'next-intl';
import { buttonClass } from '@/components/ui/button';
import type { SnapshotDto } from '@/lib/backups/snapshot-dto';
import { RestoreForm } from './restore-form';
import { VerifyNowButton } from './verify-now-button';

export function SnapshotActions({ snapshot, label }: { snapshot: SnapshotDto; label: string }) {
  const t = useTranslations('backups');
  return (
    <div className="flex flex-col items-start gap-2">
      <div className="flex flex-wrap items-center gap-2">
        <VerifyNowButton snapshotId={snapshot.id} name={label} />
        {snapshot.verifyStatus === 'corrupt' ? null : (
          <a
            href={`/api/backups/${snapshot.id}/download`}
            download={snapshot.fileName}
            className={buttonClass({ size: 'sm' })}
            data-testid="snapshot-download"
          >
            {t('download')}
            <span className="sr-only"> {label}</span>
          </a>
        )}
      </div>
      {snapshot.verifyStatus === 'corrupt' ? (
        <span className="text-xs text-danger">{t('corruptHint')}</span>
      ) : (
        <RestoreForm snapshotId={snapshot.id} name={label} />
      )}
    </div>
  );
}
