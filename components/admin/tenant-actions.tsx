'use client';
// Lifecycle buttons for one tenant (only the events its status allows), through POST /api/admin/workspaces/:id/lifecycle.
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useState } from 'react';

type Event = 'suspend' | 'resume' | 'delete' | 'restore';

export function TenantActions({ id, name, events }: { id: string; name: string; events: Event[] }) {
  const t = useTranslations('admin.tenants');
  const router = useRouter();
  const [pending, setPending] = useState<Event | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function run(event: Event) {
    if ((event === 'delete' || event === 'suspend') && !window.confirm(t(`confirm.${event}`, { name }))) return;
    setPending(event);
    setError(null);
    const response = await fetch(`/api/admin/workspaces/${id}/lifecycle`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ event }),
    }).catch(() => null);
    setPending(null);
    if (!response?.ok) {
      const body = (await response?.json().catch(() => null)) as { error?: { message?: string } } | null;
      setError(body?.error?.message ?? t('failed'));
      return;
    }
    router.refresh();
  }

  if (events.length === 0) return <span className="text-xs text-fg-subtle">—</span>;
  return (
    <div className="flex flex-wrap justify-end gap-2">
      {events.map((event) => (
        <button
          key={event}
          type="button"
          disabled={pending !== null}
          onClick={() => void run(event)}
          aria-label={t('actionLabel', { action: t(`actions.${event}`), name })}
          className={`rounded-lg border px-3 py-1.5 text-sm disabled:opacity-60 ${event === 'delete' || event === 'suspend' ? 'border-danger/50 text-danger hover:bg-danger/10' : 'border-border-strong hover:bg-surface-raised'}`}
        >
          {pending === event ? t('working') : t(`actions.${event}`)}
        </button>
      ))}
      {error ? (
        <p role="alert" className="w-full text-end text-xs text-danger">
          {error}
        </p>
      ) : null}
    </div>
  );
}
