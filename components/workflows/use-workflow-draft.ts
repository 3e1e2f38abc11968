'use client';
// Keeps the editor's draft of a workflow in localStorage (one per workspace and workflow, shared by the visual and
// JSON editors): restores it on return, writes it as the user edits, clears it on save or discard.
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import {
  draftKey,
  hasConflict,
  isDirty,
  readDraft,
  stableJson,
  type WorkflowDraft,
  writeDraft,
} from './workflow-draft';

export type RestoredDraft = { updatedAt: string; baseVersion: number; conflict: boolean };
type OnScreen = { definition: unknown; text?: string };

const sameContent = (a: OnScreen, b: OnScreen) =>
  stableJson({ definition: a.definition, text: a.text }) === stableJson({ definition: b.definition, text: b.text });

type Options = {
  workspaceId: string;
  workflowId: string;
  /** The saved definition the editor compares against, and its version. */
  saved: unknown;
  version: number;
  current: OnScreen;
  onRestore: (draft: WorkflowDraft) => void;
};

export function useWorkflowDraft({ workspaceId, workflowId, saved, version, current, onRestore }: Options) {
  const key = draftKey(workspaceId, workflowId);
  const [restored, setRestored] = useState<RestoredDraft | null>(null);
  const [dirty, setDirty] = useState(false);
  const phase = useRef<'init' | 'restoring' | 'live'>('init');
  const base = useRef(version);
  const latest = useRef({ saved, current, onRestore });
  // NOTE: layout effects run before the effects below, so they always see this render's values.
  useLayoutEffect(() => {
    latest.current = { saved, current, onRestore };
  });

  useEffect(() => {
    const draft = readDraft(window.localStorage, key);
    if (draft && isDirty(draft, latest.current.saved)) {
      phase.current = 'restoring';
      base.current = draft.baseVersion;
      setRestored({
        updatedAt: draft.updatedAt,
        baseVersion: draft.baseVersion,
        conflict: hasConflict(draft, version),
      });
      setDirty(true);
      latest.current.onRestore(draft);
    } else {
      if (draft) window.localStorage.removeItem(key);
      phase.current = 'live';
    }
    // NOTE: once per workflow; later saves move `version` on without re-reading storage.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);

  const serialized = JSON.stringify(current);
  useEffect(() => {
    // NOTE: the first pass after a restore still holds the server's definition; the restored one follows.
    if (phase.current === 'restoring') return void (phase.current = 'live');
    if (phase.current !== 'live') return;
    const { current: onScreen, saved: savedNow } = latest.current;
    const stored = readDraft(window.localStorage, key);
    // NOTE: the restored draft coming back on screen is not a new edit: it keeps its time.
    if (stored && stored.baseVersion === base.current && sameContent(stored, onScreen))
      return setDirty(isDirty(stored, savedNow));
    const draft: WorkflowDraft = { ...onScreen, baseVersion: base.current, updatedAt: new Date().toISOString() };
    setDirty(writeDraft(window.localStorage, key, draft, savedNow));
  }, [key, serialized]);

  /** After a save or discard: no draft, and the next edits start from `nextVersion`. */
  const clear = useCallback(
    (nextVersion: number) => {
      window.localStorage.removeItem(key);
      base.current = nextVersion;
      setRestored(null);
      setDirty(false);
    },
    [key],
  );

  /** "Keep my draft" after the saved version moved on: the draft now builds on the current version. */
  const keepDraft = useCallback(() => {
    base.current = version;
    const draft = readDraft(window.localStorage, key);
    if (draft) window.localStorage.setItem(key, JSON.stringify({ ...draft, baseVersion: version }));
    setRestored((shown) => (shown ? { ...shown, baseVersion: version, conflict: false } : shown));
  }, [key, version]);

  return { dirty, restored, clear, keepDraft, dismiss: () => setRestored(null) };
}
