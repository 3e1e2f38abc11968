'use client';
// One step as a card: a sortable drag handle (pointer or keyboard), position, where it goes (next or then/else), move
// up/down and delete, its issues and its form.
import { useSortable } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import { useTranslations } from 'next-intl';
import type { DragEvent, ReactNode } from 'react';
import type { StepType } from '@/lib/workflows/definition';
import type { EditorStep } from '@/lib/workflows/editor/edit-definition';
import type { EditorIssue, StepIssues } from '@/lib/workflows/editor/map-issues';
import { stepFields } from '@/lib/workflows/editor/step-fields';

type Props = {
  id: string;
  /** The card's stable key in the sortable list. */
  sortKey: string;
  index: number;
  count: number;
  step: EditorStep;
  targets: { kind: 'next' | 'then' | 'else'; target: string | null }[];
  issues: StepIssues;
  dropHere: boolean;
  onMove: (to: number, via: 'up' | 'down') => void;
  onRemove: () => void;
  onDragOver: (event: DragEvent) => void;
  onDrop: (event: DragEvent) => void;
  children: ReactNode;
};

/** Issues the form has no field for: the step as a whole, its type, and config keys the form does not show. */
function cardIssues(step: EditorStep, issues: StepIssues): EditorIssue[] {
  const shown = new Set(
    step.type === 'condition'
      ? ['rules', 'then', 'else']
      : (stepFields[step.type as Exclude<StepType, 'condition'>] ?? []).map((spec) => spec.name),
  );
  const hidden = Object.entries(issues.fields).flatMap(([field, list]) => (shown.has(field) ? [] : list));
  return [...issues.step, ...(issues.own.type ?? []), ...(issues.own.actionClass ?? []), ...hidden];
}

export function StepCard({
  id,
  sortKey,
  index,
  count,
  step,
  targets,
  issues,
  dropHere,
  onMove,
  onRemove,
  onDragOver,
  onDrop,
  children,
}: Props) {
  const t = useTranslations('workflows.visualEditor');
  const reorder = useTranslations('workflows.editor');
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } = useSortable({
    id: sortKey,
  });
  const typeLabel = t.has(`types.${step.type}`) ? t(`types.${step.type}` as 'types.log') : step.type;
  const general = cardIssues(step, issues);
  const button =
    'rounded-lg border border-border-strong px-2.5 py-1 text-xs hover:bg-surface-raised disabled:opacity-40';
  return (
    <li
      ref={setNodeRef}
      style={{
        transform: CSS.Translate.toString(transform),
        transition: transition,
        zIndex: isDragging ? 10 : undefined,
        position: 'relative',
      }}
      onDragOver={onDragOver}
      onDrop={onDrop}
      data-testid="step-card"
      data-step-id={step.id}
      data-issues={issues.count}
      className={`rounded-card border bg-surface-raised p-4 ${issues.count > 0 ? 'border-danger/60' : 'border-border'} ${dropHere || isDragging ? 'ring-2 ring-brand' : ''}`}
    >
      <fieldset aria-describedby={general.length ? `${id}-issues` : undefined}>
        <legend className="sr-only">{t('stepLegend', { number: index + 1, type: typeLabel, id: step.id })}</legend>
        <div className="flex flex-wrap items-center gap-2">
          <button
            type="button"
            ref={setActivatorNodeRef}
            {...attributes}
            {...listeners}
            title={t('dragHandle')}
            aria-label={reorder('reorderHandle', { id: step.id })}
            className="cursor-grab touch-none rounded px-1.5 py-0.5 text-lg leading-none text-fg-subtle hover:bg-surface-sunken active:cursor-grabbing"
            data-testid="step-drag-handle"
          >
            <span aria-hidden>⠿</span>
          </button>
          <span className="rounded-full bg-surface-sunken px-2 py-0.5 text-xs font-semibold tabular-nums">
            {index + 1}
          </span>
          <span className="font-medium">{typeLabel}</span>
          <code className="font-mono text-xs text-fg-muted" dir="ltr">
            {step.id}
          </code>
          {step.name ? (
            <span className="truncate text-sm text-fg-muted" dir="auto">
              {step.name}
            </span>
          ) : null}
          {issues.count > 0 ? (
            <span className="rounded-full bg-danger/15 px-2 py-0.5 text-xs text-danger">
              {t('problems', { count: issues.count })}
            </span>
          ) : null}
          <span className="ms-auto flex gap-1.5">
            <button
              type="button"
              id={`${id}-up`}
              disabled={index === 0}
              onClick={() => onMove(index - 1, 'up')}
              aria-label={t('moveUpStep', { id: step.id })}
              className={button}
            >
              <span aria-hidden>↑</span> {t('moveUp')}
            </button>
            <button
              type="button"
              id={`${id}-down`}
              disabled={index === count - 1}
              onClick={() => onMove(index + 1, 'down')}
              aria-label={t('moveDownStep', { id: step.id })}
              className={button}
            >
              <span aria-hidden>↓</span> {t('moveDown')}
            </button>
            <button
              type="button"
              onClick={onRemove}
              aria-label={t('removeStep', { id: step.id })}
              className={`${button} text-danger`}
            >
              {t('remove')}
            </button>
          </span>
        </div>
        <ul className="mt-2 flex flex-wrap gap-2 text-xs" aria-label={t('goesTo')} data-testid="step-targets">
          {targets.map(({ kind, target }) => (
            <li
              key={kind}
              className={`rounded-full border px-2 py-0.5 ${kind === 'then' ? 'border-success/50 text-success' : kind === 'else' ? 'border-warning/50 text-warning' : 'border-border text-fg-muted'}`}
              data-kind={kind}
            >
              {t(`branch.${kind}`, { target: target ?? t('endRun') })}
            </li>
          ))}
        </ul>
        {general.length ? (
          <ul
            id={`${id}-issues`}
            className="mt-3 space-y-1 rounded-lg border border-danger/40 bg-danger/5 px-3 py-2 text-sm text-danger"
            data-testid="step-issues"
          >
            {general.map((issue, i) => (
              <li key={`${issue.path}-${i}`}>{issue.message}</li>
            ))}
          </ul>
        ) : null}
        <div className="mt-4">{children}</div>
      </fieldset>
    </li>
  );
}
