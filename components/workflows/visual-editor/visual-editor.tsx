'use client';
// The visual workflow editor: trigger and settings, the steps as cards (drag and drop or move buttons, add from a palette,
// delete), a form per step, validation as you type shown on the step and field it names, save (PUT with expectedVersion) and test run.
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import type { StepType } from '@/lib/workflows/definition';
import {
  type EditorDefinition,
  type EditorStep,
  insertStep,
  moveItem,
  moveStep,
  removeStep,
  renameStep,
  setConfigField,
  updateStep,
} from '@/lib/workflows/editor/edit-definition';
import { mapIssues } from '@/lib/workflows/editor/map-issues';
import { DraftNotice } from '../draft-notice';
import { LeaveGuard } from '../leave-guard';
import { useWorkflowDraft } from '../use-workflow-draft';
import { ValidationIssues } from '../validation-issues';
import { draftToRun } from '../workflow-draft';
import { EditorActions } from './editor-actions';
import { StepPalette } from './step-palette';
import { type Dragged, StepsList } from './steps-list';
import { useValidation } from './use-validation';
import { WorkflowForm } from './workflow-form';

type Props = { workspaceId: string; workflowId: string; definition: unknown; version: number };
type Doc = { definition: EditorDefinition; keys: string[]; nextKey: number };

const fresh = (definition: EditorDefinition, from = 0): Doc => ({
  definition,
  keys: definition.steps.map((_, i) => `s${from + i}`),
  nextKey: from + definition.steps.length,
});

/** A draft the visual editor can show (the JSON editor may have left one that is not a workflow yet). */
const editorShaped = (value: unknown): value is EditorDefinition =>
  Boolean(value) &&
  typeof value === 'object' &&
  Array.isArray((value as EditorDefinition).steps) &&
  typeof (value as EditorDefinition).trigger === 'object' &&
  (value as EditorDefinition).trigger !== null;

export function VisualEditor({ workspaceId, workflowId, definition: initial, version }: Props) {
  const t = useTranslations('workflows.visualEditor');
  const router = useRouter();
  const baseId = useId().replace(/:/g, '');
  const [doc, setDoc] = useState<Doc>(() => fresh(initial as EditorDefinition));
  const [saved, setSaved] = useState<{ definition: EditorDefinition; version: number }>({
    definition: initial as EditorDefinition,
    version,
  });
  const [announcement, setAnnouncement] = useState('');
  const draggedRef = useRef<Dragged | null>(null);
  const focusNext = useRef<string | null>(null);
  const { definition, keys } = doc;
  const draft = useWorkflowDraft({
    workspaceId,
    workflowId,
    saved: saved.definition,
    version,
    current: { definition },
    onRestore: (stored) => {
      const restored = draftToRun(stored, initial) ?? stored.definition;
      if (editorShaped(restored)) setDoc((current) => fresh(restored, current.nextKey));
    },
  });
  const validation = useValidation(definition, workflowId);
  const issues = useMemo(() => mapIssues(validation.issues, definition.steps), [validation.issues, definition.steps]);

  useEffect(() => {
    const target = focusNext.current ? document.getElementById(focusNext.current) : null;
    focusNext.current = null;
    target?.focus();
  }, [doc]);

  const edit = (change: (definition: EditorDefinition) => EditorDefinition) =>
    setDoc((current) => ({ ...current, definition: change(current.definition) }));

  function move(from: number, to: number, via?: 'up' | 'down') {
    const key = keys[from]!;
    const last = definition.steps.length - 1;
    const position = Math.max(0, Math.min(to, last));
    setDoc({ ...doc, definition: moveStep(definition, from, position), keys: moveItem(keys, from, position) });
    if (via)
      focusNext.current = `${baseId}-${key}-${(via === 'up' && position > 0) || (via === 'down' && position === last) ? 'up' : 'down'}`;
    setAnnouncement(t('moved', { id: definition.steps[from]!.id, position: position + 1 }));
  }

  function insert(type: StepType, at = definition.steps.length) {
    const inserted = insertStep(definition, type, at);
    const key = `s${doc.nextKey}`;
    const nextKeys = [...keys];
    nextKeys.splice(inserted.index, 0, key);
    setDoc({ definition: inserted.definition, keys: nextKeys, nextKey: doc.nextKey + 1 });
    focusNext.current = `${baseId}-${key}-id`;
    setAnnouncement(t('added', { id: inserted.definition.steps[inserted.index]!.id, position: inserted.index + 1 }));
  }

  function remove(index: number) {
    setDoc({ ...doc, definition: removeStep(definition, index), keys: keys.filter((_, i) => i !== index) });
    focusNext.current = `${baseId}-steps-title`;
    setAnnouncement(t('removed', { id: definition.steps[index]!.id }));
  }

  function replace(next: EditorDefinition, reset: boolean, nextVersion: number) {
    setSaved({ definition: next, version: nextVersion });
    draft.clear(nextVersion);
    setDoc((current) =>
      reset || next.steps.length !== current.keys.length
        ? fresh(next, current.nextKey)
        : { ...current, definition: next },
    );
    router.refresh();
  }

  return (
    <div className="mt-6 grid gap-6 lg:grid-cols-[minmax(0,1fr)_18rem]">
      <div className="min-w-0 space-y-6">
        <LeaveGuard active={draft.dirty} />
        {draft.restored ? (
          <DraftNotice
            restored={draft.restored}
            currentVersion={saved.version}
            onKeep={draft.keepDraft}
            onDiscard={() => {
              setDoc((current) => fresh(saved.definition, current.nextKey));
              draft.clear(saved.version);
            }}
          />
        ) : null}
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
              draggedRef={draggedRef}
              onMove={move}
              onInsert={insert}
              onRemove={remove}
              onRename={(index, id) => edit((current) => renameStep(current, index, id))}
              onStep={(index, change: (step: EditorStep) => EditorStep) =>
                edit((current) => updateStep(current, index, change))
              }
              onConfig={(index, field, value) => edit((current) => setConfigField(current, index, field, value))}
            />
          </div>
        </section>
      </div>
      <aside className="space-y-4 self-start lg:sticky lg:top-4">
        <p aria-live="polite" className="sr-only" data-testid="editor-announcement">
          {announcement}
        </p>
        <EditorActions
          workflowId={workflowId}
          definition={definition}
          dirty={draft.dirty}
          version={version}
          staleDraftVersion={draft.restored?.conflict ? draft.restored.baseVersion : null}
          validation={validation}
          onSaved={(next, nextVersion) => replace(next, false, nextVersion)}
          onLoaded={(next, nextVersion) => replace(next, true, nextVersion)}
        />
        <StepPalette
          onAdd={(type) => insert(type)}
          onDragStart={(event, type) => {
            draggedRef.current = { kind: 'type', type };
            event.dataTransfer.effectAllowed = 'copy';
            event.dataTransfer.setData('text/plain', type);
          }}
        />
      </aside>
    </div>
  );
}
