'use client';
// The creator's review: where the answer came from, the workflow in plain words, its steps, what the user must still
// provide (connections, fields), and the proposal in the visual editor, to edit before saving.
import { useTranslations } from 'next-intl';
import { useEffect, useId, useRef } from 'react';
import type { AiNeed, AiWorkflowAnswer } from '@/lib/ai/schemas';
import type { EditorDefinition } from '@/lib/workflows/editor/edit-definition';
import { Link } from '@/lib/i18n/navigation';
import { buttonClass } from '@/components/ui/button';
import { NewWorkflowEditor } from '@/components/workflows/visual-editor/new-workflow-editor';
import { AiSourceNote } from './ai-source-note';

type Props = { answer: AiWorkflowAnswer; onAnother: () => void };

export function WorkflowCreatorReview({ answer, onAnother }: Props) {
  const t = useTranslations('ai.creator.review');
  const id = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const definition = answer.definition as EditorDefinition;
  const names = new Map(definition.steps.map((step) => [step.id, step.name || step.id]));
  return (
    <div className="space-y-5" data-testid="creator-review">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <h2
          ref={heading}
          id={`${id}-title`}
          tabIndex={-1}
          className="font-display text-xl font-semibold"
          data-testid="creator-review-title"
        >
          {t('title', { name: definition.name })}
        </h2>
        <button type="button" onClick={onAnother} className={buttonClass()} data-testid="creator-another">
          {t('another')}
        </button>
      </div>
      <AiSourceNote source={answer.source} reason={answer.fallbackReason} testId="creator-source" />
      <section aria-labelledby={`${id}-explanation`}>
        <h3 id={`${id}-explanation`} className="text-sm font-semibold">
          {t('explanationTitle')}
        </h3>
        <p className="mt-1 max-w-3xl whitespace-pre-line text-fg-muted" data-testid="creator-explanation">
          {answer.explanation}
        </p>
      </section>
      {answer.steps.length ? (
        <section aria-labelledby={`${id}-steps`}>
          <h3 id={`${id}-steps`} className="text-sm font-semibold">
            {t('stepsTitle', { count: answer.steps.length })}
          </h3>
          <ol className="mt-1 list-decimal space-y-1 ps-5 text-sm text-fg-muted" data-testid="creator-steps">
            {answer.steps.map((step) => (
              <li key={step.id}>
                <span className="font-medium text-fg">{names.get(step.id) ?? step.id}</span> — {step.summary}
              </li>
            ))}
          </ol>
        </section>
      ) : null}
      <section
        aria-labelledby={`${id}-needs`}
        className={`rounded-card border p-4 ${answer.needs.length ? 'border-warning/40 bg-warning/5' : 'border-success/40 bg-success/5'}`}
        data-testid="creator-needs"
      >
        <h3 id={`${id}-needs`} className="text-sm font-semibold">
          {answer.needs.length ? t('needsTitle', { count: answer.needs.length }) : t('needsNone')}
        </h3>
        {answer.needs.length ? (
          <ul className="mt-2 space-y-2 text-sm">
            {answer.needs.map((need, index) => (
              <Need key={`${need.kind}-${need.path ?? need.connector ?? ''}-${index}`} need={need} />
            ))}
          </ul>
        ) : null}
      </section>
      <section aria-labelledby={`${id}-editor`}>
        <h3 id={`${id}-editor`} className="font-display text-lg font-semibold">
          {t('editorTitle')}
        </h3>
        <p className="mt-1 text-sm text-fg-subtle">{t('editorHint')}</p>
        <NewWorkflowEditor definition={definition} />
      </section>
    </div>
  );
}

function Need({ need }: { need: AiNeed }) {
  const t = useTranslations('ai.creator.review');
  return (
    <li data-testid="creator-need" data-kind={need.kind}>
      <span className="me-2 inline-block rounded bg-surface-raised px-1.5 py-0.5 text-xs font-medium">
        {need.kind === 'connection' ? t('needConnection') : t('needField')}
      </span>
      {need.message}
      {need.kind === 'connection' ? (
        <>
          {' '}
          <Link
            href="/settings/connections"
            target="_blank"
            rel="noopener"
            className="text-brand-accent underline underline-offset-4"
          >
            {t('connectionsLink')}
          </Link>
        </>
      ) : need.path ? (
        <code className="ms-2 font-mono text-xs text-fg-subtle" dir="ltr">
          {need.path}
        </code>
      ) : null}
    </li>
  );
}
