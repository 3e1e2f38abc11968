'use client';
// "Test run": starts a manual run with an optional JSON payload (read by `{{trigger.payload…}}`) and opens its timeline;
// with an unsaved editor draft on this device it runs the draft, otherwise it says it runs the saved version.
import { useTranslations } from 'next-intl';
import { useId, useMemo, useState, useSyncExternalStore } from 'react';
import { useRouter } from '@/lib/i18n/navigation';
import { callApi } from '@/lib/client/call-api';
import { draftKey, draftToRun, readDraft } from './workflow-draft';

const subscribeStorage = (onChange: () => void) => {
  window.addEventListener('storage', onChange);
  return () => window.removeEventListener('storage', onChange);
};

type Props = { workspaceId: string; workflowId: string; definition: unknown; version: number };

export function TestRunForm({ workspaceId, workflowId, definition, version }: Props) {
  const t = useTranslations('workflows.testRun');
  const d = useTranslations('workflows.draft');
  const key = draftKey(workspaceId, workflowId);
  // NOTE: the stored text is the snapshot (stable between renders); the server renders "saved version".
  const stored = useSyncExternalStore(
    subscribeStorage,
    () => window.localStorage.getItem(key),
    () => null,
  );
  const draft = useMemo(
    () => (stored === null ? undefined : draftToRun(readDraft({ getItem: () => stored }, key), definition)),
    [stored, key, definition],
  );
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
    const result = await callApi<{ id: string }>(`/api/workflows/${workflowId}/runs`, {
      json: draft === undefined ? { payload } : { payload, definition: draft },
    });
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
      <p id={`${id}-which`} className="mt-2 text-sm text-fg-muted" data-testid="test-run-hint">
        {draft === undefined ? d('testRunSavedHint', { version }) : d('testRunDraftHint')}
      </p>
      {error ? (
        <p role="alert" className="mt-2 text-sm text-danger">
          {error}
        </p>
      ) : null}
      <button
        type="submit"
        disabled={pending}
        aria-describedby={`${id}-which`}
        className="mt-3 rounded-lg bg-brand-gradient px-4 py-2 font-semibold text-slate-950 disabled:opacity-60"
      >
        {pending ? t('starting') : draft === undefined ? t('submit') : d('testRunDraft')}
      </button>
    </form>
  );
}
