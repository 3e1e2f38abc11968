'use client';
// The visual editor's screen: notices, the workflow's settings and its step cards on the left; the actions panel
// (given by the caller: save a version, or save a new workflow) and the step palette on the right.
import { useTranslations } from 'next-intl';
import type { ReactNode } from 'react';
import type { EditorStep } from '@/lib/workflows/editor/edit-definition';
import { renameStep, setConfigField, updateStep } from '@/lib/workflows/editor/edit-definition';
import type { IssueMap } from '@/lib/workflows/editor/map-issues';
import { ValidationIssues } from '../validation-issues';
import { StepPalette } from './step-palette';
import { StepsList } from './steps-list';
import type { EditorDocState } from './use-editor-doc';
import { WorkflowForm } from './workflow-form';

type Props = { editor: EditorDocState; issues: IssueMap; notices?: ReactNode; actions: ReactNode };

export function EditorLayout({ editor, issues, notices, actions }: Props) {
  const t = useTranslations('workflows.visualEditor');
  const { baseId, definition, keys, edit } = editor;
  return (
    <div className="mt-6 grid gap-6 lg:grid-cols-[minmax(0,1fr)_18rem]">
      <div className="min-w-0 space-y-6">
        {notices}
        <ValidationIssues issues={issues.general} />
        <WorkflowForm
          id={`${baseId}-workflow`}
          definition={definition}
          issues={issues}
          onChange={(next) => edit(() => next)}
        />
        <section aria-labelledby={`${baseId}-steps-title`}>
          <h2 id={`${baseId}-steps-title`} tabIndex={-1} className="font-display text-lg font-semibold">
            {t('stepsTitle', { count: definition.steps.length })}
          </h2>
          <p className="mt-1 text-sm text-fg-subtle">{t('stepsHint')}</p>
          <div className="mt-3">
            <StepsList
              baseId={baseId}
              definition={definition}
              keys={keys}
              issues={issues}
              draggedRef={editor.draggedRef}
              onMove={editor.move}
              onInsert={editor.insert}
              onRemove={editor.remove}
              onRename={(index, id) => edit((current) => renameStep(current, index, id))}
              onStep={(index, change: (step: EditorStep) => EditorStep) =>
                edit((current) => updateStep(current, index, change))
              }
              onConfig={(index, field, value) => edit((current) => setConfigField(current, index, field, value))}
            />
          </div>
        </section>
      </div>
      <aside className="min-w-0 space-y-4 self-start lg:sticky lg:top-4">
        <p aria-live="polite" className="sr-only" data-testid="editor-announcement">
          {editor.announcement}
        </p>
        {actions}
        <StepPalette onAdd={(type) => editor.insert(type)} onDragStart={editor.dragFromPalette} />
      </aside>
    </div>
  );
}
