'use client';
// The visual editor's document: the definition being edited with a stable key per step card, and the edits (move,
// insert, remove, change) that keep keys, focus and the screen-reader announcement in line.
import { useTranslations } from 'next-intl';
import { useEffect, useId, useRef, useState } from 'react';
import type { StepType } from '@/lib/workflows/definition';
import {
  type EditorDefinition,
  insertStep,
  moveItem,
  moveStep,
  removeStep,
} from '@/lib/workflows/editor/edit-definition';
import type { Dragged } from './steps-list';

export type EditorDoc = { definition: EditorDefinition; keys: string[]; nextKey: number };

export const freshDoc = (definition: EditorDefinition, from = 0): EditorDoc => ({
  definition,
  keys: definition.steps.map((_, i) => `s${from + i}`),
  nextKey: from + definition.steps.length,
});

export function useEditorDoc(initial: EditorDefinition) {
  const t = useTranslations('workflows.visualEditor');
  const baseId = useId().replace(/:/g, '');
  const [doc, setDoc] = useState<EditorDoc>(() => freshDoc(initial));
  const [announcement, setAnnouncement] = useState('');
  const draggedRef = useRef<Dragged | null>(null);
  const focusNext = useRef<string | null>(null);
  const { definition, keys } = doc;

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

  function dragFromPalette(event: React.DragEvent, type: StepType) {
    draggedRef.current = { kind: 'type', type };
    event.dataTransfer.effectAllowed = 'copy';
    event.dataTransfer.setData('text/plain', type);
  }

  return {
    baseId,
    doc,
    setDoc,
    definition,
    keys,
    announcement,
    draggedRef,
    edit,
    move,
    insert,
    remove,
    dragFromPalette,
  };
}

export type EditorDocState = ReturnType<typeof useEditorDoc>;
