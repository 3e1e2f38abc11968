// A small status label; the tone carries meaning, so the text must say it too (never colour alone).
import type { ReactNode } from 'react';

export type BadgeTone = 'neutral' | 'success' | 'warning' | 'danger' | 'info' | 'brand';

const TONES: Record<BadgeTone, string> = {
  neutral: 'border-border-strong bg-surface-raised text-fg-muted',
  success: 'border-success/40 bg-success/10 text-success',
  warning: 'border-warning/40 bg-warning/10 text-warning',
  danger: 'border-danger/40 bg-danger/10 text-danger',
  info: 'border-brand-accent/40 bg-brand-accent/10 text-brand-accent',
  brand: 'border-brand/50 bg-brand/15 text-fg',
};

export function Badge({
  tone = 'neutral',
  children,
  className = '',
  ...rest
}: { tone?: BadgeTone; children: ReactNode; className?: string } & Record<`data-${string}`, string>) {
  return (
    <span
      className={`inline-flex items-center gap-1 whitespace-nowrap rounded-full border px-2 py-0.5 text-xs font-medium ${TONES[tone]} ${className}`.trim()}
      {...rest}
    >
      {children}
    </span>
  );
}
