// A status pill: a word and a colour (never colour alone), in the theme's semantic tones.
export type Tone = 'ok' | 'warning' | 'critical' | 'muted' | 'info';

const tones: Record<Tone, string> = {
  ok: 'bg-success/10 text-success',
  warning: 'bg-warning/10 text-warning',
  critical: 'bg-danger/10 text-danger',
  muted: 'bg-slate-800 text-fg-muted',
  info: 'bg-brand/15 text-fg',
};

export function StatusBadge({ tone, children, testId }: { tone: Tone; children: React.ReactNode; testId?: string }) {
  return (
    <span
      data-testid={testId}
      className={`inline-flex items-center gap-1.5 whitespace-nowrap rounded-full px-2.5 py-0.5 text-xs font-medium ${tones[tone]}`}
    >
      <span aria-hidden="true" className="h-1.5 w-1.5 rounded-full bg-current" />
      {children}
    </span>
  );
}

export function toneOf(status: string): Tone {
  if (['ok', 'succeeded', 'active', 'healthy'].includes(status)) return 'ok';
  if (['warning', 'degraded', 'fair', 'suspended', 'running', 'in_progress'].includes(status)) return 'warning';
  if (['critical', 'down', 'failed', 'soft_deleted'].includes(status)) return 'critical';
  return 'muted';
}
