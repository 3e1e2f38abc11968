// A snapshot's checksum verification state: verified, not yet verified, or corrupt.
import { useTranslations } from 'next-intl';

const tone = {
  ok: 'border-success/40 bg-success/10 text-success',
  unverified: 'border-border-strong bg-surface text-fg-muted',
  corrupt: 'border-danger/40 bg-danger/10 text-danger',
} as const;

export function VerifyBadge({ status }: { status: 'ok' | 'unverified' | 'corrupt' }) {
  const t = useTranslations('backups.verify');
  return (
    <span
      className={`inline-block whitespace-nowrap rounded-full border px-2 py-0.5 text-xs font-medium ${tone[status]}`}
    >
      {t(status)}
    </span>
  );
}
