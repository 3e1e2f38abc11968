// A snapshot's checksum verification state (verified, not yet verified, corrupt) and when and how it was last checked.
import { useTranslations } from 'next-intl';
import { Badge, type BadgeTone } from '@/components/ui/badge';
import { Time } from '@/components/ui/time';
import type { BackupCheckVia, VerifyStatus } from '@/db/types-workflows';

const tone: Record<VerifyStatus, BadgeTone> = { ok: 'success', unverified: 'neutral', corrupt: 'danger' };

type Props = { status: VerifyStatus; verifiedAt?: Date | null; via?: BackupCheckVia | null };

export function VerifyBadge({ status, verifiedAt = null, via = null }: Props) {
  const t = useTranslations('backups');
  return (
    <span className="inline-flex flex-wrap items-center gap-x-2 gap-y-1" data-testid="verify-state">
      <Badge tone={tone[status]} data-status={status}>
        {t(`verify.${status}`)}
      </Badge>
      {verifiedAt ? (
        <span className="text-xs text-fg-subtle">
          <Time value={verifiedAt} relative />
          {via ? ` (${t(`checkedVia.${via}`)})` : null}
        </span>
      ) : null}
    </span>
  );
}
