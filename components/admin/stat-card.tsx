// One figure with its label (and an optional note) for the admin overview grids.
export function StatCard({
  label,
  value,
  note,
  testId,
}: {
  label: string;
  value: React.ReactNode;
  note?: React.ReactNode;
  testId?: string;
}) {
  return (
    <div className="rounded-card border border-border bg-surface-raised p-5">
      <dt className="text-sm text-fg-muted">{label}</dt>
      <dd className="mt-2 font-display text-3xl font-semibold tabular-nums" data-testid={testId}>
        {value}
      </dd>
      {note ? <dd className="mt-1 text-xs text-fg-subtle">{note}</dd> : null}
    </div>
  );
}
