'use client';
// "Explain this failure" on a failed run: POST /api/ai/debug → what failed, why and what to do, where the answer came
// from, and when there is one the proposed fix as a diff to apply (then run again on the fixed version).
import { useLocale, useTranslations } from 'next-intl';
import { useId, useRef, useState } from 'react';
import type { AiDebugAnswer } from '@/lib/ai/schemas';
import { callApi } from '@/lib/client/call-api';
import { buttonClass } from '@/components/ui/button';
import { aiErrorText } from './ai-error-text';
import { aiLocale } from './ai-locale';
import { AiSourceNote } from './ai-source-note';
import { DebugAssistantFix } from './debug-assistant-fix';

type State =
  | { phase: 'idle'; error: string[] | null }
  | { phase: 'explaining' }
  | { phase: 'answered'; answer: AiDebugAnswer; round: number };

export function DebugAssistant({ runId, payload }: { runId: string; payload: unknown }) {
  const t = useTranslations('ai.debugAssistant');
  const locale = useLocale();
  const id = useId();
  const [state, setState] = useState<State>({ phase: 'idle', error: null });
  const rounds = useRef(0);
  const heading = useRef<HTMLHeadingElement>(null);

  async function explain() {
    setState({ phase: 'explaining' });
    const result = await callApi<AiDebugAnswer>('/api/ai/debug', { json: { runId, locale: aiLocale(locale) } });
    if (!result.ok) return setState({ phase: 'idle', error: aiErrorText(result, t, {}) });
    setState({ phase: 'answered', answer: result.data, round: ++rounds.current });
    requestAnimationFrame(() => heading.current?.focus());
  }

  const answer = state.phase === 'answered' ? state.answer : null;
  return (
    <section
      aria-labelledby={`${id}-title`}
      aria-busy={state.phase === 'explaining'}
      className="mt-4 rounded-card border border-border bg-surface-raised p-4"
      data-testid="debug-assistant"
    >
      <h2 id={`${id}-title`} className="font-display text-lg font-semibold">
        {t('title')}
      </h2>
      {answer ? null : (
        <>
          <p className="mt-1 text-sm text-fg-muted">{t('intro')}</p>
          <div className="mt-3 flex flex-wrap items-center gap-3">
            <button
              type="button"
              disabled={state.phase === 'explaining'}
              onClick={() => void explain()}
              className={buttonClass({ variant: 'primary' })}
              data-testid="debug-explain"
            >
              {state.phase === 'explaining' ? t('explaining') : t('explain')}
            </button>
            <span role="status" className="text-sm text-fg-muted">
              {state.phase === 'explaining' ? t('progress') : ''}
            </span>
          </div>
          {state.phase === 'idle' && state.error ? (
            <div role="alert" className="mt-2 text-sm text-danger" data-testid="debug-error">
              {state.error.map((line) => (
                <p key={line}>{line}</p>
              ))}
            </div>
          ) : null}
        </>
      )}
      {answer ? (
        <div className="mt-3 space-y-4" data-testid="debug-answer">
          <h3 ref={heading} tabIndex={-1} className="sr-only">
            {t('answerTitle')}
          </h3>
          <AiSourceNote
            source={answer.source}
            reason={answer.fallbackReason}
            fallbackLabel={t('sourceFallback')}
            testId="debug-source"
          />
          <dl className="space-y-3 text-sm">
            <div>
              <dt className="font-semibold">{t('what')}</dt>
              <dd className="mt-1 text-fg-muted" data-testid="debug-what">
                {answer.explanation.what}
                {answer.stepId ? (
                  <span className="ms-2 text-xs text-fg-subtle">
                    {t('where', { step: answer.stepId, code: answer.errorCode })}
                  </span>
                ) : null}
              </dd>
            </div>
            <div>
              <dt className="font-semibold">{t('why')}</dt>
              <dd className="mt-1 text-fg-muted" data-testid="debug-why">
                {answer.explanation.why}
              </dd>
            </div>
            <div>
              <dt className="font-semibold">{t('todo')}</dt>
              <dd className="mt-1">
                <ol className="list-decimal space-y-1 ps-5 text-fg-muted" data-testid="debug-todo">
                  {answer.explanation.todo.map((item) => (
                    <li key={item}>{item}</li>
                  ))}
                </ol>
              </dd>
            </div>
          </dl>
          {answer.fix ? (
            <DebugAssistantFix
              key={state.phase === 'answered' ? state.round : 0}
              workflowId={answer.workflowId}
              fix={answer.fix}
              payload={payload}
              onExplainAgain={() => void explain()}
            />
          ) : (
            <p className="text-sm text-fg-subtle" data-testid="debug-no-fix">
              {t('noFix')}
            </p>
          )}
          <button type="button" onClick={() => void explain()} className={buttonClass({ size: 'sm' })}>
            {t('again')}
          </button>
        </div>
      ) : null}
    </section>
  );
}
