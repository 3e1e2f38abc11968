'use client';
// The steps in order as cards; steps are reordered by dragging their handle (native drag and drop) or with the move buttons,
// and palette types dropped on a card are inserted before it (or at the end, on the end zone).
import { useTranslations } from 'next-intl';
import { type DragEvent, type RefObject, useState } from 'react';
import type { StepType } from '@/lib/workflows/definition';
import { type EditorDefinition, type EditorStep, stepTargets } from '@/lib/workflows/editor/edit-definition';
import type { IssueMap } from '@/lib/workflows/editor/map-issues';
import { StepCard } from './step-card';
import { StepForm } from './step-form';

export type Dragged = { kind: 'step'; index: number } | { kind: 'type'; type: StepType };

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
  const [dropIndex, setDropIndex] = useState<number | null>(null);
  const { steps } = definition;

  function startDrag(event: DragEvent, index: number) {
    draggedRef.current = { kind: 'step', index };
    event.dataTransfer.effectAllowed = 'move';
    event.dataTransfer.setData('text/plain', steps[index]!.id);
    const card = (event.currentTarget as HTMLElement).closest('li');
    if (card) event.dataTransfer.setDragImage(card, 16, 16);
  }
  function over(event: DragEvent, index: number) {
    if (!draggedRef.current) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = draggedRef.current.kind === 'step' ? 'move' : 'copy';
    if (dropIndex !== index) setDropIndex(index);
  }
  function drop(event: DragEvent, index: number) {
    event.preventDefault();
    const source = draggedRef.current;
    draggedRef.current = null;
    setDropIndex(null);
    if (source?.kind === 'step' && source.index !== index) onMove(source.index, Math.min(index, steps.length - 1));
    if (source?.kind === 'type') onInsert(source.type, index);
  }

  return (
    <ol
      className="space-y-3"
      onDragEnd={() => ((draggedRef.current = null), setDropIndex(null))}
      onDragLeave={(event) => (event.currentTarget.contains(event.relatedTarget as Node) ? null : setDropIndex(null))}
    >
      {steps.length === 0 ? <li className="text-sm text-fg-subtle">{t('emptySteps')}</li> : null}
      {steps.map((step, index) => {
        const id = `${baseId}-${keys[index]}`;
        const others = steps.filter((_, i) => i !== index).map((s) => s.id);
        return (
          <StepCard
            key={keys[index]}
            id={id}
            index={index}
            count={steps.length}
            step={step}
            targets={stepTargets(definition, index)}
            issues={issues.steps[index] ?? { step: [], own: {}, fields: {}, count: 0 }}
            dropHere={dropIndex === index}
            onMove={(to, via) => onMove(index, to, via)}
            onRemove={() => onRemove(index)}
            onDragStart={(event) => startDrag(event, index)}
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
  );
}
