'use client';
// Throttle one workspace's AI: its own calls per minute and/or a pause of N minutes (PUT), or lift it all (DELETE).
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useId, useState } from 'react';
import { buttonClass } from '@/components/ui/button';

export function AiThrottleControl({
  workspaceId,
  workspaceName,
  callsPerMinute,
  throttled,
}: {
  workspaceId: string;
  workspaceName: string;
  callsPerMinute: number | null;
  /** Whether there is anything to lift (a pause or an own limit). */
  throttled: boolean;
}) {
  const t = useTranslations('admin.ai');
  const router = useRouter();
  const id = useId();
  const [pending, setPending] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const url = `/api/admin/ai/throttles/${encodeURIComponent(workspaceId)}`;

  async function send(init: RequestInit, done: string) {
    setPending(true);
    const headers: HeadersInit = init.body ? { 'content-type': 'application/json' } : {};
    const response = await fetch(url, { ...init, headers }).catch(() => null);
    setPending(false);
    setMessage(response?.ok ? { ok: true, text: done } : { ok: false, text: t('control.failed') });
    if (response?.ok) router.refresh();
  }

  function apply(form: HTMLFormElement) {
    const data = new FormData(form);
    const perMinute = String(data.get('callsPerMinute') ?? '').trim();
    const minutes = String(data.get('throttleMinutes') ?? '').trim();
    const body: { callsPerMinute?: number | null; throttleMinutes?: number } = {};
    if (perMinute !== '' || callsPerMinute !== null) body.callsPerMinute = perMinute === '' ? null : Number(perMinute);
    if (minutes !== '') body.throttleMinutes = Number(minutes);
    if (Object.keys(body).length === 0) {
      setMessage({ ok: false, text: t('control.empty') });
      return;
    }
    void send({ method: 'PUT', body: JSON.stringify(body) }, t('control.saved'));
  }

  const input = 'mt-1 block w-28 rounded-lg border border-border-strong bg-surface px-2 py-1.5 text-fg';
  return (
    <form
      className="flex flex-wrap items-end gap-2"
      data-testid="ai-throttle-control"
      data-workspace={workspaceId}
      aria-label={`${t('throttle')}: ${workspaceName}`}
      onSubmit={(event) => {
        event.preventDefault();
        apply(event.currentTarget);
      }}
    >
      <label htmlFor={`${id}-cpm`} className="text-xs font-medium">
        {t('control.callsPerMinute')}
        <input
          id={`${id}-cpm`}
          name="callsPerMinute"
          type="number"
          min={1}
          step={1}
          inputMode="numeric"
          defaultValue={callsPerMinute ?? ''}
          className={input}
        />
      </label>
      <label htmlFor={`${id}-min`} className="text-xs font-medium">
        {t('control.minutes')}
        <input
          id={`${id}-min`}
          name="throttleMinutes"
          type="number"
          min={0}
          step={1}
          inputMode="numeric"
          className={input}
        />
      </label>
      <button type="submit" disabled={pending} className={buttonClass({ size: 'sm' })}>
        {t('control.apply')}
      </button>
      {throttled ? (
        <button
          type="button"
          disabled={pending}
          className={buttonClass({ size: 'sm', variant: 'ghost' })}
          onClick={() => void send({ method: 'DELETE' }, t('control.lifted'))}
        >
          {t('control.lift')}
        </button>
      ) : null}
      <p role="status" className={`basis-full text-xs ${message?.ok === false ? 'text-danger' : 'text-fg-muted'}`}>
        {message?.text ?? ''}
      </p>
    </form>
  );
}
