// The last hour of heartbeats as a strip of minutes: a summary for screen readers, a title on each minute for pointers.
import type { HeartbeatMinute } from '@/lib/guardian/uptime';

const colours: Record<HeartbeatMinute['status'], string> = {
  ok: 'bg-success',
  degraded: 'bg-warning',
  down: 'bg-danger',
  missing: 'bg-slate-700',
};

export function HeartbeatStrip({
  minutes,
  label,
  statusLabels,
  formatTime,
}: {
  minutes: HeartbeatMinute[];
  label: string;
  statusLabels: Record<HeartbeatMinute['status'], string>;
  formatTime: (date: Date) => string;
}) {
  return (
    <div
      role="img"
      aria-label={label}
      className="flex h-10 items-stretch gap-0.5 rounded-lg border border-border bg-surface-sunken p-1"
      data-testid="heartbeat-strip"
    >
      {minutes.map((minute) => (
        <span
          key={minute.minute.toISOString()}
          title={`${formatTime(minute.minute)} · ${statusLabels[minute.status]}`}
          data-status={minute.status}
          className={`min-w-0 flex-1 rounded-sm ${colours[minute.status]}`}
        />
      ))}
    </div>
  );
}
