'use client';
// Enables or disables a workflow (PATCH /api/workflows/:id): a disabled one is not started by schedule, webhook or events;
// switching on is refused (409) while the setup checklist has open items, and the toggle says so.
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { callApi } from '@/lib/client/call-api';

export function EnabledToggle({
  workflowId,
  name,
  enabled: initial,
}: {
  workflowId: string;
  name: string;
  enabled: boolean;
}) {
  const t = useTranslations('workflows');
  const router = useRouter();
  const [enabled, setEnabled] = useState(initial);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function toggle() {
    setPending(true);
    setError(null);
    const result = await callApi(`/api/workflows/${workflowId}`, { method: 'PATCH', json: { enabled: !enabled } });
    setPending(false);
    if (!result.ok) {
      const open = result.status === 409 ? (result.error.details?.issues?.length ?? 0) : 0;
      return setError(open > 0 ? t('setup.blocked', { count: open }) : result.error.message || t('errors.generic'));
    }
    setEnabled(!enabled);
    router.refresh();
  }

  return (
    <span className="inline-flex items-center gap-2">
      <button
        type="button"
        role="switch"
        aria-checked={enabled}
        aria-label={t('enabledFor', { name })}
        disabled={pending}
        onClick={() => void toggle()}
        className={`relative inline-flex h-6 w-11 shrink-0 items-center rounded-full border transition-colors disabled:opacity-60 ${enabled ? 'border-brand bg-brand' : 'border-border-strong bg-surface-raised'}`}
        data-testid="enabled-toggle"
      >
        <span
          aria-hidden
          className={`inline-block h-4 w-4 rounded-full bg-fg transition-transform ${enabled ? 'translate-x-6 rtl:-translate-x-6' : 'translate-x-1 rtl:-translate-x-1'}`}
        />
      </button>
      <span className="text-xs text-fg-muted">{enabled ? t('enabled') : t('disabled')}</span>
      {error ? (
        <span role="alert" className="text-xs text-danger" data-testid="enabled-toggle-error">
          {error}
        </span>
      ) : null}
    </span>
  );
}
