'use client';
// The steps in order as cards; steps are reordered by their handle (@dnd-kit sortable: pointer, or keyboard with Space,
// arrows and Space, announced to screen readers) or with the move buttons, and palette types dropped on a card are
// inserted before it (or at the end, on the end zone).
import {
  type Announcements,
  closestCenter,
  DndContext,
  type DragEndEvent,
  KeyboardSensor,
  PointerSensor,
  useSensor,
  useSensors,
} from '@dnd-kit/core';
import { SortableContext, sortableKeyboardCoordinates, verticalListSortingStrategy } from '@dnd-kit/sortable';
import { useTranslations } from 'next-intl';
import { type DragEvent, type RefObject, useState } from 'react';
import type { StepType } from '@/lib/workflows/definition';
import { type EditorDefinition, type EditorStep, stepTargets } from '@/lib/workflows/editor/edit-definition';
import type { IssueMap } from '@/lib/workflows/editor/map-issues';
import { StepCard } from './step-card';
import { StepForm } from './step-form';

export type Dragged = { kind: 'type'; type: StepType };

type Props = {
  baseId: string;
  definition: EditorDefinition;
  keys: string[];
  issues: IssueMap;
  draggedRef: RefObject<Dragged | null>;
  onMove: (from: number, to: number, via?: 'up' | 'down') => void;
  onInsert: (type: StepType, at: number) => void;
  onRemove: (index: number) => void;
  onRename: (index: number, id: string) => void;
  onStep: (index: number, change: (step: EditorStep) => EditorStep) => void;
  onConfig: (index: number, field: string, value: unknown) => void;
};

export function StepsList({
  baseId,
  definition,
  keys,
  issues,
  draggedRef,
  onMove,
  onInsert,
  onRemove,
  onRename,
  onStep,
  onConfig,
}: Props) {
  const t = useTranslations('workflows.visualEditor');
  const reorder = useTranslations('workflows.editor');
  const [dropIndex, setDropIndex] = useState<number | null>(null);
  // NOTE: focus goes back to the handle after a keyboard move only; after a mouse drag it stays where the user put it.
  const [keyboardDrag, setKeyboardDrag] = useState(false);
  const { steps } = definition;
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 4 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );
  const at = (key: string | number) => keys.indexOf(String(key));
  const describe = (key: string | number, overKey?: string | number) => ({
    id: steps[at(key)]?.id ?? '',
    position: at(overKey ?? key) + 1,
    count: steps.length,
  });
  const announcements: Announcements = {
    onDragStart: ({ active }) => reorder('reorderPicked', describe(active.id)),
    onDragOver: ({ active, over }) => (over ? reorder('reorderOver', describe(active.id, over.id)) : undefined),
    onDragEnd: ({ active, over }) => reorder('reorderDropped', describe(active.id, over?.id ?? active.id)),
    onDragCancel: ({ active }) => reorder('reorderCancelled', describe(active.id)),
  };

  function sorted({ active, over }: DragEndEvent) {
    if (over && active.id !== over.id) onMove(at(active.id), at(over.id));
  }
  function over(event: DragEvent, index: number) {
    if (!draggedRef.current) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
    if (dropIndex !== index) setDropIndex(index);
  }
  function drop(event: DragEvent, index: number) {
    event.preventDefault();
    const source = draggedRef.current;
    draggedRef.current = null;
    setDropIndex(null);
    if (source?.kind === 'type') onInsert(source.type, index);
  }

  return (
    <DndContext
      id={`${baseId}-sortable`}
      sensors={sensors}
      collisionDetection={closestCenter}
      onDragStart={({ activatorEvent }) => setKeyboardDrag(activatorEvent instanceof KeyboardEvent)}
      onDragEnd={sorted}
      accessibility={{
        announcements,
        restoreFocus: keyboardDrag,
        screenReaderInstructions: { draggable: reorder('reorderInstructions') },
      }}
    >
      <SortableContext items={keys} strategy={verticalListSortingStrategy}>
        <ol
          className="space-y-3"
          onDragEnd={() => ((draggedRef.current = null), setDropIndex(null))}
          onDragLeave={(event) =>
            event.currentTarget.contains(event.relatedTarget as Node) ? null : setDropIndex(null)
          }
        >
          {steps.length === 0 ? <li className="text-sm text-fg-subtle">{t('emptySteps')}</li> : null}
          {steps.map((step, index) => {
            const id = `${baseId}-${keys[index]}`;
            const others = steps.filter((_, i) => i !== index).map((s) => s.id);
            return (
              <StepCard
                key={keys[index]}
                id={id}
                sortKey={keys[index]!}
                index={index}
                count={steps.length}
                step={step}
                targets={stepTargets(definition, index)}
                issues={issues.steps[index] ?? { step: [], own: {}, fields: {}, count: 0 }}
                dropHere={dropIndex === index}
                onMove={(to, via) => onMove(index, to, via)}
                onRemove={() => onRemove(index)}
                onDragOver={(event) => over(event, index)}
                onDrop={(event) => drop(event, index)}
              >
                <StepForm
                  id={id}
                  step={step}
                  otherStepIds={others}
                  issues={issues.steps[index] ?? { step: [], own: {}, fields: {}, count: 0 }}
                  onRename={(value) => onRename(index, value)}
                  onChange={(change) => onStep(index, change)}
                  onConfig={(field, value) => onConfig(index, field, value)}
                />
              </StepCard>
            );
          })}
          <li
            onDragOver={(event) => over(event, steps.length)}
            onDrop={(event) => drop(event, steps.length)}
            className={`rounded-card border-2 border-dashed p-4 text-center text-sm text-fg-subtle ${dropIndex === steps.length ? 'border-brand' : 'border-border'}`}
            data-testid="step-drop-end"
          >
            {t('dropEnd')}
          </li>
        </ol>
      </SortableContext>
    </DndContext>
  );
}
