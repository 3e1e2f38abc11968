'use client';
// A feature flag or kill switch as an accessible switch; flipping it calls PUT /api/admin/flags/:key.
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useId, useState } from 'react';

export function FlagSwitch({
  flagKey,
  enabled,
  label,
  description,
}: {
  flagKey: string;
  enabled: boolean;
  label: string;
  description: string;
}) {
  const t = useTranslations('admin.power');
  const router = useRouter();
  const id = useId();
  const [on, setOn] = useState(enabled);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function toggle() {
    const next = !on;
    setPending(true);
    setError(null);
    const response = await fetch(`/api/admin/flags/${encodeURIComponent(flagKey)}`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ enabled: next }),
    }).catch(() => null);
    setPending(false);
    if (!response?.ok) {
      setError(t('flagFailed'));
      return;
    }
    setOn(next);
    router.refresh();
  }

  return (
    <div className="flex items-start justify-between gap-4 px-4 py-3" data-testid="flag" data-flag={flagKey}>
      <div className="min-w-0">
        <p id={`${id}-label`} className="font-medium">
          {label}
        </p>
        <p id={`${id}-description`} className="text-sm text-fg-muted">
          {description}
        </p>
        <p className="font-mono text-xs text-fg-subtle" dir="ltr">
          {flagKey}
        </p>
        {error ? (
          <p role="alert" className="mt-1 text-sm text-danger">
            {error}
          </p>
        ) : null}
      </div>
      <button
        type="button"
        role="switch"
        aria-checked={on}
        aria-labelledby={`${id}-label`}
        aria-describedby={`${id}-description`}
        disabled={pending}
        onClick={() => void toggle()}
        className={`relative inline-flex h-7 w-12 shrink-0 items-center rounded-full border transition-colors disabled:opacity-60 ${on ? 'border-success bg-success/30' : 'border-border-strong bg-slate-800'}`}
      >
        <span
          aria-hidden="true"
          className={`absolute h-5 w-5 rounded-full transition-all ${on ? 'start-6 bg-success' : 'start-1 bg-fg-subtle'}`}
        />
        <span className="sr-only">{on ? t('on') : t('off')}</span>
      </button>
    </div>
  );
}
