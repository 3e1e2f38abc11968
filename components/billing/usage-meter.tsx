// One limit as a labelled bar: how much of the plan's allowance is in use.
export function UsageMeter({
  label,
  used,
  allowed,
  caption,
  testId,
}: {
  label: string;
  used: number;
  allowed: number;
  caption: string;
  testId?: string;
}) {
  const share = allowed > 0 ? Math.min(100, Math.round((used / allowed) * 100)) : 100;
  const tone = share >= 100 ? 'bg-danger' : share >= 80 ? 'bg-warning' : 'bg-brand-accent';
  return (
    <div className="rounded-card border border-border bg-surface-raised p-5" data-testid={testId}>
      <div className="flex items-baseline justify-between gap-3 text-sm">
        <span className="font-medium">{label}</span>
        <span className="text-fg-muted">{caption}</span>
      </div>
      <div
        className="mt-3 h-2 overflow-hidden rounded-full bg-surface-sunken"
        role="meter"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={allowed}
        aria-valuenow={Math.min(used, allowed)}
      >
        <div className={`h-full rounded-full ${tone}`} style={{ width: `${share}%` }} />
      </div>
    </div>
  );
}
