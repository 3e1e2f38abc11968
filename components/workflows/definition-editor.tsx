'use client';
// The raw JSON view of a workflow: validate (POST /api/workflows/validate) and save as a new version (PUT with
// expectedVersion, so an edit made on a stale copy is refused with a clear message instead of overwriting).
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useId, useMemo, useRef, useState } from 'react';
import { callApi, type ValidationIssue } from '@/lib/client/call-api';
import { DraftNotice } from './draft-notice';
import { LeaveGuard } from './leave-guard';
import { useWorkflowDraft } from './use-workflow-draft';
import { ValidationIssues } from './validation-issues';

type Status = { tone: 'ok' | 'error'; text: string } | null;
type Saved = { currentVersion: number; definition: unknown };

const pretty = (value: unknown) => JSON.stringify(value, null, 2);

/** The text's value when it parses; otherwise `fallback` (the last definition that did). */
function parsedOr(text: string, fallback: unknown): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return fallback;
  }
}

export function DefinitionEditor({
  workspaceId,
  workflowId,
  definition,
  version,
}: {
  workspaceId: string;
  workflowId: string;
  definition: unknown;
  version: number;
}) {
  const t = useTranslations('workflows.editor');
  const d = useTranslations('workflows.draft');
  const router = useRouter();
  const id = useId();
  const area = useRef<HTMLTextAreaElement>(null);
  const [text, setText] = useState(() => pretty(definition));
  const [expectedVersion, setExpectedVersion] = useState(version);
  const [issues, setIssues] = useState<ValidationIssue[]>([]);
  const [status, setStatus] = useState<Status>(null);
  const [stale, setStale] = useState(false);
  const [pending, setPending] = useState(false);
  const [saved, setSaved] = useState<{ definition: unknown; version: number }>({ definition, version });
  const onScreen = useMemo(() => ({ definition: parsedOr(text, saved.definition), text }), [text, saved.definition]);
  const draft = useWorkflowDraft({
    workspaceId,
    workflowId,
    saved: saved.definition,
    version,
    current: onScreen,
    onRestore: (stored) => setText(stored.text ?? pretty(stored.definition)),
  });

  function parse(): { ok: true; value: unknown } | { ok: false } {
    try {
      return { ok: true, value: JSON.parse(text) };
    } catch (syntax) {
      setIssues([]);
      setStatus({ tone: 'error', text: t('invalidJson', { reason: (syntax as Error).message }) });
      return { ok: false };
    }
  }

  async function validate(): Promise<unknown | null> {
    const parsed = parse();
    if (!parsed.ok) return null;
    const result = await callApi<{ ok: boolean; issues?: ValidationIssue[] }>('/api/workflows/validate', {
      json: { definition: parsed.value, workflowId },
    });
    if (!result.ok) {
      setStatus({ tone: 'error', text: result.error.message || t('failed') });
      return null;
    }
    setIssues(result.data.issues ?? []);
    if (!result.data.ok) {
      setStatus({ tone: 'error', text: t('notValid') });
      return null;
    }
    return parsed.value;
  }

  async function run(action: 'validate' | 'save') {
    setPending(true);
    setStatus(null);
    setStale(false);
    const value = await validate();
    if (value !== null && action === 'validate') setStatus({ tone: 'ok', text: t('valid') });
    if (value !== null && action === 'save') {
      const result = await callApi<Saved>(`/api/workflows/${workflowId}`, {
        method: 'PUT',
        // NOTE: a restored draft on an older version (not yet kept) is saved against that version, so it is refused.
        json: {
          definition: value,
          expectedVersion: draft.restored?.conflict ? draft.restored.baseVersion : expectedVersion,
        },
      });
      if (result.ok) {
        setExpectedVersion(result.data.currentVersion);
        setSaved({ definition: result.data.definition, version: result.data.currentVersion });
        draft.clear(result.data.currentVersion);
        setText(pretty(result.data.definition));
        setStatus({ tone: 'ok', text: t('saved', { version: result.data.currentVersion }) });
        router.refresh();
      } else if (result.status === 409) {
        setStale(true);
        setStatus({ tone: 'error', text: t('stale') });
      } else {
        setIssues(result.error.details?.issues ?? []);
        setStatus({ tone: 'error', text: result.error.message || t('failed') });
      }
    }
    setPending(false);
  }

  async function loadLatest() {
    const result = await callApi<Saved>(`/api/workflows/${workflowId}`);
    if (!result.ok) return setStatus({ tone: 'error', text: result.error.message || t('failed') });
    setSaved({ definition: result.data.definition, version: result.data.currentVersion });
    draft.clear(result.data.currentVersion);
    setText(pretty(result.data.definition));
    setExpectedVersion(result.data.currentVersion);
    setIssues([]);
    setStale(false);
    setStatus({ tone: 'ok', text: t('loaded', { version: result.data.currentVersion }) });
    router.refresh();
  }

  function locate(issue: ValidationIssue) {
    const at = text.search(new RegExp(`"id"\\s*:\\s*"${issue.stepId}"`));
    if (at < 0 || !area.current) return;
    area.current.focus();
    area.current.setSelectionRange(at, at + `"id": "${issue.stepId}"`.length);
  }

  return (
    <div className="mt-6 grid gap-6 lg:grid-cols-[minmax(0,1fr)_22rem]">
      <LeaveGuard active={draft.dirty} />
      {draft.restored ? (
        <div className="lg:col-span-2">
          <DraftNotice
            restored={draft.restored}
            currentVersion={saved.version}
            onKeep={draft.keepDraft}
            onDiscard={() => {
              setText(pretty(saved.definition));
              draft.clear(saved.version);
            }}
          />
        </div>
      ) : null}
      <div className="min-w-0">
        <label htmlFor={`${id}-json`} className="block text-sm font-medium">
          {t('label', { version: expectedVersion })}
        </label>
        <textarea
          ref={area}
          id={`${id}-json`}
          value={text}
          onChange={(event) => setText(event.target.value)}
          rows={28}
          dir="ltr"
          spellCheck={false}
          aria-describedby={`${id}-status ${id}-issues`}
          aria-invalid={issues.length > 0}
          className="mt-2 block w-full rounded-lg border border-border-strong bg-surface-sunken px-3 py-2 font-mono text-xs leading-relaxed text-fg"
          data-testid="definition-json"
        />
        <div className="mt-3 flex flex-wrap gap-3">
          <button
            type="button"
            disabled={pending}
            onClick={() => void run('validate')}
            className="rounded-lg border border-border-strong px-4 py-2 text-sm hover:bg-surface-raised disabled:opacity-60"
          >
            {t('validate')}
          </button>
          <button
            type="button"
            disabled={pending}
            onClick={() => void run('save')}
            className="rounded-lg bg-brand-gradient px-4 py-2 text-sm font-semibold text-slate-950 disabled:opacity-60"
          >
            {pending ? t('saving') : t('save')}
          </button>
          {draft.dirty ? (
            <span className="self-center text-sm font-semibold text-warning" data-testid="json-unsaved">
              {d('unsaved')}
            </span>
          ) : null}
        </div>
      </div>
      <aside aria-label={t('issuesLabel')} className="space-y-3">
        <div id={`${id}-status`} aria-live="polite">
          {status ? (
            <p
              className={`rounded-lg border px-3 py-2 text-sm ${status.tone === 'ok' ? 'border-success/40 bg-success/10 text-success' : 'border-danger/40 bg-danger/10 text-danger'}`}
              data-testid="editor-status"
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
              {t('loadLatest')}
            </button>
          ) : null}
        </div>
        <ValidationIssues issues={issues} id={`${id}-issues`} onLocate={locate} />
        {issues.length === 0 && !status ? <p className="text-sm text-fg-subtle">{t('hint')}</p> : null}
      </aside>
    </div>
  );
}
