'use client';
// Restores a snapshot by pushing it to a URL (POST /api/backups/:id/restore); private addresses are refused by the server.
import { useTranslations } from 'next-intl';
import { useId, useState } from 'react';
import { callApi } from '@/lib/client/call-api';

type Restored = { destination: string; status: number };

export function RestoreForm({ snapshotId, name }: { snapshotId: string; name: string }) {
  const t = useTranslations('backups.restore');
  const id = useId();
  const [open, setOpen] = useState(false);
  const [pending, setPending] = useState(false);
  const [result, setResult] = useState<{ tone: 'ok' | 'error'; text: string } | null>(null);

  async function submit(form: HTMLFormElement) {
    const data = new FormData(form);
    setPending(true);
    setResult(null);
    const response = await callApi<Restored>(`/api/backups/${snapshotId}/restore`, {
      json: { url: data.get('url'), method: data.get('method') },
    });
    setPending(false);
    if (response.ok)
      setResult({
        tone: 'ok',
        text: t('done', { destination: response.data.destination, status: response.data.status }),
      });
    else
      setResult({
        tone: 'error',
        text: response.error.details?.issues?.[0]?.message ?? (response.error.message || t('failed')),
      });
  }

  return (
    <div>
      <button
        type="button"
        aria-expanded={open}
        aria-controls={id}
        onClick={() => setOpen(!open)}
        className="rounded-lg border border-border-strong px-3 py-1.5 text-sm hover:bg-surface-raised"
      >
        {t('open')}
        <span className="sr-only"> {name}</span>
      </button>
      <form
        id={id}
        hidden={!open}
        className="mt-2 flex flex-wrap items-end gap-2"
        onSubmit={(event) => {
          event.preventDefault();
          void submit(event.currentTarget);
        }}
      >
        <label className="text-xs font-medium">
          {t('url')}
          <input
            name="url"
            type="url"
            required
            dir="ltr"
            placeholder="https://example.com/restore"
            className="mt-1 block w-64 max-w-full rounded-lg border border-border-strong bg-surface px-2 py-1.5 text-sm text-fg placeholder:text-fg-subtle"
          />
        </label>
        <label className="text-xs font-medium">
          {t('method')}
          <select
            name="method"
            defaultValue="POST"
            className="mt-1 block rounded-lg border border-border-strong bg-surface px-2 py-1.5 text-sm text-fg"
          >
            <option value="POST">POST</option>
            <option value="PUT">PUT</option>
          </select>
        </label>
        <button
          type="submit"
          disabled={pending}
          className="rounded-lg bg-brand-gradient px-3 py-1.5 text-sm font-semibold text-slate-950 disabled:opacity-60"
        >
          {pending ? t('sending') : t('submit')}
        </button>
      </form>
      <div aria-live="polite">
        {result ? (
          <p className={`mt-2 text-xs ${result.tone === 'ok' ? 'text-success' : 'text-danger'}`}>{result.text}</p>
        ) : null}
      </div>
    </div>
  );
}
