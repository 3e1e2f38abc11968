'use client';
// "Describe it": a plain-language request → POST /api/ai/workflow → the review (explanation, what is still needed,
// where the answer came from) with the proposal in the visual editor, to edit and save or to describe again.
import { useLocale, useTranslations } from 'next-intl';
import { useEffect, useId, useRef, useState } from 'react';
import type { AiWorkflowAnswer } from '@/lib/ai/schemas';
import { aiLimits } from '@/lib/ai/schemas';
import { callApi } from '@/lib/client/call-api';
import { buttonClass } from '@/components/ui/button';
import { aiErrorText } from './ai-error-text';
import { aiLocale } from './ai-locale';
import { WorkflowCreatorReview } from './workflow-creator-review';

type State =
  | { phase: 'ask'; error: string[] | null }
  | { phase: 'building' }
  | { phase: 'review'; answer: AiWorkflowAnswer; round: number };

/** `initialPrompt`: a request typed elsewhere (the dashboard); it is built at once. */
export function WorkflowCreator({ initialPrompt }: { initialPrompt?: string }) {
  const t = useTranslations('ai.creator');
  const locale = useLocale();
  const id = useId();
  const [prompt, setPrompt] = useState(initialPrompt ?? '');
  const [state, setState] = useState<State>({ phase: 'ask', error: null });
  const rounds = useRef(0);
  const promptRef = useRef<HTMLTextAreaElement>(null);
  const started = useRef(false);

  async function build(text: string) {
    setState({ phase: 'building' });
    const result = await callApi<AiWorkflowAnswer>('/api/ai/workflow', {
      json: { prompt: text, locale: aiLocale(locale) },
    });
    if (result.ok) return setState({ phase: 'review', answer: result.data, round: ++rounds.current });
    setState({ phase: 'ask', error: aiErrorText(result, t, { prompt: t('prompt.field') }) });
    requestAnimationFrame(() => promptRef.current?.focus());
  }

  useEffect(() => {
    if (started.current || !initialPrompt || initialPrompt.trim().length < 3) return;
    started.current = true;
    // NOTE: the request came in the address (from the dashboard); drop it so a reload does not build it again.
    const url = new URL(window.location.href);
    url.searchParams.delete('prompt');
    window.history.replaceState(window.history.state, '', url);
    void build(initialPrompt.trim());
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [initialPrompt]);

  if (state.phase === 'review')
    return (
      <WorkflowCreatorReview
        key={state.round}
        answer={state.answer}
        onAnother={() => {
          setState({ phase: 'ask', error: null });
          requestAnimationFrame(() => promptRef.current?.focus());
        }}
      />
    );

  const building = state.phase === 'building';
  const error = state.phase === 'ask' ? state.error : null;
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        void build(prompt.trim());
      }}
      className="space-y-3"
      aria-busy={building}
      data-testid="workflow-creator"
    >
      <label htmlFor={`${id}-prompt`} className="block text-sm font-medium">
        {t('prompt.label')}
      </label>
      <p id={`${id}-hint`} className="text-xs text-fg-subtle">
        {t('prompt.hint')}
      </p>
      <textarea
        ref={promptRef}
        id={`${id}-prompt`}
        name="prompt"
        required
        minLength={3}
        maxLength={aiLimits.promptChars}
        rows={4}
        value={prompt}
        onChange={(event) => setPrompt(event.target.value)}
        placeholder={t('prompt.placeholder')}
        aria-describedby={`${id}-hint${error ? ` ${id}-error` : ''}`}
        aria-invalid={error ? true : undefined}
        disabled={building}
        className="block w-full rounded-lg border border-border-strong bg-surface px-3 py-2 text-fg placeholder:text-fg-subtle"
        data-testid="creator-prompt"
      />
      <p className="text-xs text-fg-subtle" aria-hidden>
        {t('prompt.count', { count: prompt.length, max: aiLimits.promptChars })}
      </p>
      {error ? (
        <div id={`${id}-error`} role="alert" className="text-sm text-danger" data-testid="creator-error">
          <p>{error[0]}</p>
          {error.length > 1 ? (
            <ul className="mt-1 list-disc ps-5">
              {error.slice(1).map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
      <div className="flex flex-wrap items-center gap-3">
        <button type="submit" disabled={building} className={buttonClass({ variant: 'primary' })}>
          {building ? t('prompt.building') : t('prompt.submit')}
        </button>
        <span role="status" className="text-sm text-fg-muted" data-testid="creator-progress">
          {building ? (
            <>
              <span
                aria-hidden
                className="me-2 inline-block h-3 w-3 animate-spin rounded-full border-2 border-brand-accent border-t-transparent align-[-1px] motion-reduce:animate-none"
              />
              {t('prompt.progress')}
            </>
          ) : null}
        </span>
      </div>
    </form>
  );
}
