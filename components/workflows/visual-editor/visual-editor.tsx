'use client';
// The visual workflow editor: trigger and settings, the steps as cards (drag and drop or move buttons, add from a palette,
// delete), a form per step, validation as you type shown on the step and field it names, save (PUT with expectedVersion) and test run.
import { useRouter } from 'next/navigation';
import { useMemo, useState } from 'react';
import type { EditorDefinition } from '@/lib/workflows/editor/edit-definition';
import { mapIssues } from '@/lib/workflows/editor/map-issues';
import { DraftNotice } from '../draft-notice';
import { LeaveGuard } from '../leave-guard';
import { useWorkflowDraft } from '../use-workflow-draft';
import { draftToRun } from '../workflow-draft';
import { EditorActions } from './editor-actions';
import { EditorLayout } from './editor-layout';
import { freshDoc, useEditorDoc } from './use-editor-doc';
import { useValidation } from './use-validation';

type Props = { workspaceId: string; workflowId: string; definition: unknown; version: number };

/** A draft the visual editor can show (the JSON editor may have left one that is not a workflow yet). */
const editorShaped = (value: unknown): value is EditorDefinition =>
  Boolean(value) &&
  typeof value === 'object' &&
  Array.isArray((value as EditorDefinition).steps) &&
  typeof (value as EditorDefinition).trigger === 'object' &&
  (value as EditorDefinition).trigger !== null;

export function VisualEditor({ workspaceId, workflowId, definition: initial, version }: Props) {
  const router = useRouter();
  const editor = useEditorDoc(initial as EditorDefinition);
  const { definition, setDoc } = editor;
  const [saved, setSaved] = useState<{ definition: EditorDefinition; version: number }>({
    definition: initial as EditorDefinition,
    version,
  });
  const draft = useWorkflowDraft({
    workspaceId,
    workflowId,
    saved: saved.definition,
    version,
    current: { definition },
    onRestore: (stored) => {
      const restored = draftToRun(stored, initial) ?? stored.definition;
      if (editorShaped(restored)) setDoc((current) => freshDoc(restored, current.nextKey));
    },
  });
  const validation = useValidation(definition, workflowId);
  const issues = useMemo(() => mapIssues(validation.issues, definition.steps), [validation.issues, definition.steps]);

  function replace(next: EditorDefinition, reset: boolean, nextVersion: number) {
    setSaved({ definition: next, version: nextVersion });
    draft.clear(nextVersion);
    setDoc((current) =>
      reset || next.steps.length !== current.keys.length
        ? freshDoc(next, current.nextKey)
        : { ...current, definition: next },
    );
    router.refresh();
  }

  return (
    <EditorLayout
      editor={editor}
      issues={issues}
      notices={
        <>
          <LeaveGuard active={draft.dirty} />
          {draft.restored ? (
            <DraftNotice
              restored={draft.restored}
              currentVersion={saved.version}
              onKeep={draft.keepDraft}
              onDiscard={() => {
                setDoc((current) => freshDoc(saved.definition, current.nextKey));
                draft.clear(saved.version);
              }}
            />
          ) : null}
        </>
      }
      actions={
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
      }
    />
  );
}
