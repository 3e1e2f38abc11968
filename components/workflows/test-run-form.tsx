'use client';
// "Test run": starts a manual run with an optional JSON payload (read by `{{trigger.payload…}}`) and opens its timeline.
import { useTranslations } from 'next-intl';
import { useId, useState } from 'react';
import { useRouter } from '@/lib/i18n/navigation';
import { callApi } from '@/lib/client/call-api';

export function TestRunForm({ workflowId }: { workflowId: string }) {
  const t = useTranslations('workflows.testRun');
  const router = useRouter();
  const id = useId();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function submit(text: string) {
    setError(null);
    let payload: unknown = {};
    if (text.trim()) {
      try {
        payload = JSON.parse(text);
      } catch (syntax) {
        return setError(t('invalidJson', { reason: (syntax as Error).message }));
      }
    }
    setPending(true);
    const result = await callApi<{ id: string }>(`/api/workflows/${workflowId}/runs`, { json: { payload } });
    if (result.ok) return router.push(`/runs/${result.data.id}`);
    setPending(false);
    setError(result.error.message || t('failed'));
  }

  return (
    <form
      className="rounded-card border border-border bg-surface-raised p-5"
      onSubmit={(event) => {
        event.preventDefault();
        void submit(String(new FormData(event.currentTarget).get('payload') ?? ''));
      }}
    >
      <h2 className="font-display text-lg font-semibold">{t('title')}</h2>
      <label htmlFor={`${id}-payload`} className="mt-3 block text-sm font-medium">
        {t('payload')}
      </label>
      <p id={`${id}-hint`} className="text-xs text-fg-subtle">
        {t('payloadHint')}
      </p>
      <textarea
        id={`${id}-payload`}
        name="payload"
        rows={4}
        dir="ltr"
        spellCheck={false}
        placeholder='{ "order": 1042 }'
        aria-describedby={`${id}-hint`}
        className="mt-2 block w-full rounded-lg border border-border-strong bg-surface px-3 py-2 font-mono text-xs text-fg placeholder:text-fg-subtle"
      />
      {error ? (
        <p role="alert" className="mt-2 text-sm text-danger">
          {error}
        </p>
      ) : null}
      <button
        type="submit"
        disabled={pending}
        className="mt-3 rounded-lg bg-brand-gradient px-4 py-2 font-semibold text-slate-950 disabled:opacity-60"
      >
        {pending ? t('starting') : t('submit')}
      </button>
    </form>
  );
}
