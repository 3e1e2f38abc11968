// One figure with its label, optionally linking to where it can be acted on.
import type { ReactNode } from 'react';
import { Link } from '@/lib/i18n/navigation';

export function StatCard({
  label,
  value,
  hint,
  href,
  tone = 'default',
  testId,
}: {
  label: string;
  value: ReactNode;
  hint?: string;
  href?: string;
  tone?: 'default' | 'warning' | 'danger';
  testId?: string;
}) {
  const accent = tone === 'danger' ? 'text-danger' : tone === 'warning' ? 'text-warning' : 'text-fg';
  const body = (
    <>
      <span className="text-sm text-fg-muted">{label}</span>
      <span className={`mt-2 block font-display text-3xl font-semibold ${accent}`} data-testid={testId}>
        {value}
      </span>
      {hint ? <span className="mt-1 block text-xs text-fg-subtle">{hint}</span> : null}
    </>
  );
  const box = 'block h-full rounded-card border border-border bg-surface-raised p-5';
  return href ? (
    <Link href={href} className={`${box} hover:border-border-strong`}>
      {body}
    </Link>
  ) : (
    <div className={box}>{body}</div>
  );
}
