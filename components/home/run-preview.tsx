// A still picture of a workflow run (decorative): steps with their states, as the run timeline shows them.
import { useTranslations } from 'next-intl';

const steps = [
  { key: 'fetch', detail: 'http_request · 212 ms', state: 'success' },
  { key: 'sheets', detail: 'google_sheets · 480 ms', state: 'success' },
  { key: 'backup', detail: 'backup · sha256 9f2c…e41a', state: 'success' },
  { key: 'approve', detail: 'approval', state: 'waiting' },
  { key: 'notify', detail: 'slack', state: 'queued' },
] as const;

const dot = { success: 'bg-success', waiting: 'bg-warning animate-pulse', queued: 'bg-slate-600' } as const;

export function RunPreview() {
  const t = useTranslations('home.preview');
  return (
    <div
      aria-hidden="true"
      className="rounded-card border border-border bg-surface-raised/80 p-5 shadow-2xl shadow-black/40"
    >
      <div className="flex items-center justify-between border-b border-border pb-4">
        <span className="font-display font-semibold">{t('title')}</span>
        <span className="rounded-full bg-warning/10 px-2.5 py-1 text-xs font-medium text-warning">{t('run')}</span>
      </div>
      <ol className="mt-4 space-y-3">
        {steps.map((step) => (
          <li key={step.key} className="flex items-start gap-3 rounded-lg bg-surface/60 px-3 py-2.5">
            <span className={`mt-1.5 h-2.5 w-2.5 shrink-0 rounded-full ${dot[step.state]}`} />
            <span className="min-w-0">
              <span className="block text-sm font-medium text-fg">{t(step.key)}</span>
              <span className="block truncate font-mono text-xs text-fg-subtle">
                <bdi>{step.detail}</bdi>
                {step.state === 'success' ? null : ` · ${t(step.state)}`}
              </span>
            </span>
          </li>
        ))}
      </ol>
    </div>
  );
}
