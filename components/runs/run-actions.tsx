'use client';
// Cancel a run that has not finished; replay a failed, rejected or cancelled one from the failed step (same run) or from the start (a new run).
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { useRouter } from '@/lib/i18n/navigation';
import { callApi } from '@/lib/client/call-api';

export function RunActions({ runId, status, onChanged }: { runId: string; status: string; onChanged: () => void }) {
  const t = useTranslations('runs.actions');
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [message, setMessage] = useState<{ tone: 'ok' | 'error'; text: string } | null>(null);
  const active = status === 'queued' || status === 'running';
  const replayable = status === 'failed' || status === 'rejected' || status === 'cancelled';

  async function act(kind: 'cancel' | 'failed_step' | 'start') {
    if (kind === 'cancel' && !window.confirm(t('cancelConfirm'))) return;
    setPending(true);
    setMessage(null);
    const result =
      kind === 'cancel'
        ? await callApi(`/api/runs/${runId}/cancel`, { method: 'POST' })
        : await callApi<{ id: string }>(`/api/runs/${runId}/replay`, { json: { from: kind } });
    setPending(false);
    if (!result.ok) return setMessage({ tone: 'error', text: result.error.message || t('failed') });
    if (kind === 'start') return router.push(`/runs/${(result.data as { id: string }).id}`);
    setMessage({ tone: 'ok', text: kind === 'cancel' ? t('cancelled') : t('replaying') });
    onChanged();
  }

  if (!active && !replayable && !message) return null;
  const button = 'rounded-lg border px-4 py-2 text-sm disabled:opacity-60';
  return (
    <div className="flex flex-wrap items-center gap-3">
      {active ? (
        <button
          type="button"
          disabled={pending}
          onClick={() => void act('cancel')}
          className={`${button} border-danger/50 text-danger hover:bg-danger/10`}
        >
          {t('cancel')}
        </button>
      ) : null}
      {replayable ? (
        <>
          <button
            type="button"
            disabled={pending}
            onClick={() => void act('failed_step')}
            className={`${button} border-transparent bg-brand-gradient font-semibold text-slate-950`}
          >
            {t('replayFailedStep')}
          </button>
          <button
            type="button"
            disabled={pending}
            onClick={() => void act('start')}
            className={`${button} border-border-strong hover:bg-surface-raised`}
          >
            {t('replayFromStart')}
          </button>
        </>
      ) : null}
      <span aria-live="polite" className="text-sm">
        {message ? (
          <span className={message.tone === 'ok' ? 'text-success' : 'text-danger'}>{message.text}</span>
        ) : null}
      </span>
    </div>
  );
}
