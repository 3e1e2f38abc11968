'use client';
// The visual editor's side panel: validation summary (announced), save as a new version (409 → load the latest), and test run.
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import type { EditorDefinition } from '@/lib/workflows/editor/edit-definition';
import type { EditorIssue } from '@/lib/workflows/editor/map-issues';
import { Link } from '@/lib/i18n/navigation';
import { callApi } from '@/lib/client/call-api';
import { ValidationSummary } from './validation-summary';

type Props = {
  workflowId: string;
  definition: EditorDefinition;
  dirty: boolean;
  version: number;
  validation: { issues: EditorIssue[]; checked: boolean; checking: boolean; failed: boolean };
  onSaved: (definition: EditorDefinition, version: number) => void;
  onLoaded: (definition: EditorDefinition, version: number) => void;
  /** A restored draft built on an older version the user has not chosen to keep: saving it must be refused (409). */
  staleDraftVersion?: number | null;
};
type Saved = { currentVersion: number; definition: EditorDefinition };
type Status = { tone: 'ok' | 'error'; text: string } | null;

export function EditorActions({
  workflowId,
  definition,
  dirty,
  version,
  validation,
  onSaved,
  onLoaded,
  staleDraftVersion = null,
}: Props) {
  const t = useTranslations('workflows.visualEditor');
  const json = useTranslations('workflows.editor');
  const draftT = useTranslations('workflows.draft');
  const [expectedVersion, setExpectedVersion] = useState(version);
  const [pending, setPending] = useState<'save' | 'run' | null>(null);
  const [status, setStatus] = useState<Status>(null);
  const [stale, setStale] = useState(false);
  const [runId, setRunId] = useState<string | null>(null);

  async function save() {
    setPending('save');
    setStatus(null);
    setStale(false);
    const result = await callApi<Saved>(`/api/workflows/${workflowId}`, {
      method: 'PUT',
      json: { definition, expectedVersion: staleDraftVersion ?? expectedVersion },
    });
    setPending(null);
    if (result.ok) {
      setExpectedVersion(result.data.currentVersion);
      setStatus({ tone: 'ok', text: json('saved', { version: result.data.currentVersion }) });
      return onSaved(result.data.definition, result.data.currentVersion);
    }
    if (result.status === 409) setStale(true);
    setStatus({
      tone: 'error',
      text:
        result.status === 409
          ? t('stale')
          : result.error.details?.issues?.length
            ? json('notValid')
            : result.error.message || json('failed'),
    });
  }

  async function loadLatest() {
    const result = await callApi<Saved>(`/api/workflows/${workflowId}`);
    if (!result.ok) return setStatus({ tone: 'error', text: result.error.message || json('failed') });
    setExpectedVersion(result.data.currentVersion);
    setStale(false);
    setStatus({ tone: 'ok', text: json('loaded', { version: result.data.currentVersion }) });
    onLoaded(result.data.definition, result.data.currentVersion);
  }

  async function testRun() {
    setPending('run');
    setRunId(null);
    setStatus(null);
    // NOTE: with unsaved changes the run follows what is on screen; no version is created.
    const result = await callApi<{ id: string }>(`/api/workflows/${workflowId}/runs`, {
      json: dirty ? { payload: {}, definition } : { payload: {} },
    });
    setPending(null);
    if (result.ok) setRunId(result.data.id);
    else
      setStatus({
        tone: 'error',
        text: result.error.details?.issues?.length ? json('notValid') : result.error.message || t('testRunFailed'),
      });
  }

  return (
    <section aria-label={t('actions')} className="space-y-3 rounded-card border border-border p-4">
      <ValidationSummary validation={validation} />
      <p className="text-xs text-fg-subtle" data-testid="editor-version">
        {t('basedOn', { version: expectedVersion })}{' '}
        {dirty ? <strong className="font-semibold text-warning">· {t('unsaved')}</strong> : null}
      </p>
      <div className="flex flex-wrap gap-2">
        <button
          type="button"
          disabled={pending !== null}
          onClick={() => void save()}
          className="rounded-lg bg-brand-gradient px-4 py-2 text-sm font-semibold text-slate-950 disabled:opacity-60"
        >
          {pending === 'save' ? json('saving') : json('save')}
        </button>
        <button
          type="button"
          disabled={pending !== null}
          onClick={() => void testRun()}
          aria-describedby="visual-test-run-hint"
          className="rounded-lg border border-border-strong px-4 py-2 text-sm hover:bg-surface-raised disabled:opacity-60"
        >
          {dirty ? draftT('testRunDraft') : draftT('testRunSaved', { version: expectedVersion })}
        </button>
      </div>
      <p id="visual-test-run-hint" className="text-xs text-fg-subtle" data-testid="test-run-hint">
        {dirty ? draftT('testRunDraftHint') : draftT('testRunSavedHint', { version: expectedVersion })}
      </p>
      <div aria-live="polite">
        {status ? (
          <p
            className={`rounded-lg border px-3 py-2 text-sm ${status.tone === 'ok' ? 'border-success/40 bg-success/10 text-success' : 'border-danger/40 bg-danger/10 text-danger'}`}
            data-testid="visual-editor-status"
          >
            {status.text}
          </p>
        ) : null}
        {stale ? (
          <button
            type="button"
            onClick={() => void loadLatest()}
            className="mt-2 rounded-lg border border-border-strong px-3 py-1.5 text-sm hover:bg-surface-raised"
          >
            {json('loadLatest')}
          </button>
        ) : null}
        {runId ? (
          <p className="text-sm">
            {t('testRunStarted')}{' '}
            <Link
              href={`/runs/${runId}`}
              className="text-brand-accent underline underline-offset-4"
              data-testid="test-run-link"
              data-leave-ok
            >
              {t('openRun')}
            </Link>
          </p>
        ) : null}
      </div>
    </section>
  );
}
