'use client';
// "New workflow": describe it in plain words (the AI workflow creator, the default), a minimal manual workflow from a
// name, or a pasted JSON definition; the validator's issues show inline.
import { useTranslations } from 'next-intl';
import { useId, useState } from 'react';
import { useRouter } from '@/lib/i18n/navigation';
import { callApi, type ValidationIssue } from '@/lib/client/call-api';
import { ValidationIssues } from './validation-issues';
import { buttonClass } from '@/components/ui/button';
import { WorkflowCreator } from '@/components/ai/workflow-creator';

import { newWorkflowModes, type NewWorkflowMode as Mode } from './new-workflow-modes';

export function scratchDefinition(name: string) {
  return {
    name,
    trigger: { type: 'manual' },
    steps: [{ id: 'hello', name: 'Say hello', type: 'log', config: { message: `Hello from ${name}` } }],
  };
}

type Props = { initiallyOpen?: boolean; initialMode?: Mode; initialPrompt?: string };

/** `initiallyOpen`: shown opened (the first-run checklist links here with `?new=`), in `initialMode`. */
export function NewWorkflowPanel({ initiallyOpen = false, initialMode = 'describe', initialPrompt }: Props = {}) {
  const t = useTranslations('workflows.create');
  const creator = useTranslations('ai.creator');
  const router = useRouter();
  const panelId = useId();
  const [open, setOpen] = useState(initiallyOpen);
  const [mode, setMode] = useState<Mode>(initialMode);
  const [pending, setPending] = useState(false);
  const [issues, setIssues] = useState<ValidationIssue[]>([]);
  const [error, setError] = useState<string | null>(null);

  async function submit(form: HTMLFormElement) {
    const data = new FormData(form);
    setIssues([]);
    setError(null);
    let definition: unknown;
    if (mode === 'scratch') definition = scratchDefinition(String(data.get('name') ?? '').trim());
    else {
      try {
        definition = JSON.parse(String(data.get('json') ?? ''));
      } catch (syntax) {
        return setError(t('invalidJson', { reason: (syntax as Error).message }));
      }
    }
    setPending(true);
    const result = await callApi<{ id: string }>('/api/workflows', { json: definition });
    if (result.ok) return router.push(`/workflows/${result.data.id}`);
    setPending(false);
    if (result.error.details?.issues?.length) setIssues(result.error.details.issues);
    else setError(result.error.message || t('failed'));
  }

  return (
    <div className="mt-6">
      <button
        type="button"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen(!open)}
        className={buttonClass({ variant: 'primary' })}
      >
        {t('open')}
      </button>
      <div id={panelId} hidden={!open} className="mt-4 rounded-card border border-border bg-surface-raised p-5">
        <fieldset>
          <legend className="text-sm font-medium">{t('how')}</legend>
          <div className="mt-2 flex flex-wrap gap-4 text-sm">
            {newWorkflowModes.map((value) => (
              <label key={value} className="inline-flex items-center gap-2">
                <input
                  type="radio"
                  name="mode"
                  value={value}
                  checked={mode === value}
                  onChange={() => setMode(value)}
                  className="h-4 w-4 accent-brand"
                />
                {value === 'describe' ? creator('mode') : t(value === 'json' ? 'paste' : 'scratch')}
              </label>
            ))}
          </div>
        </fieldset>
        {mode === 'describe' ? (
          <div className="mt-4">
            <WorkflowCreator initialPrompt={initialPrompt} />
          </div>
        ) : (
          <form
            onSubmit={(event) => {
              event.preventDefault();
              void submit(event.currentTarget);
            }}
            className="mt-4 space-y-4"
          >
            {mode === 'scratch' ? (
              <label className="block text-sm font-medium">
                {t('name')}
                <input
                  name="name"
                  required
                  maxLength={120}
                  placeholder={t('namePlaceholder')}
                  className="mt-1 block w-full max-w-md rounded-lg border border-border-strong bg-surface px-3 py-2 text-fg placeholder:text-fg-subtle"
                />
                <span className="mt-1 block text-xs font-normal text-fg-subtle">{t('scratchHint')}</span>
              </label>
            ) : (
              <label className="block text-sm font-medium">
                {t('json')}
                <textarea
                  name="json"
                  required
                  rows={14}
                  spellCheck={false}
                  dir="ltr"
                  placeholder={JSON.stringify(scratchDefinition('My workflow'), null, 2)}
                  aria-describedby={issues.length ? `${panelId}-issues` : undefined}
                  className="mt-1 block w-full rounded-lg border border-border-strong bg-surface px-3 py-2 font-mono text-xs text-fg placeholder:text-fg-subtle"
                  data-testid="new-workflow-json"
                />
              </label>
            )}
            <ValidationIssues issues={issues} id={`${panelId}-issues`} />
            {error ? (
              <p role="alert" className="text-sm text-danger">
                {error}
              </p>
            ) : null}
            <button type="submit" disabled={pending} className={buttonClass({ variant: 'primary' })}>
              {pending ? t('creating') : t('submit')}
            </button>
          </form>
        )}
      </div>
    </div>
  );
}
