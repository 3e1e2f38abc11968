'use client';
// "Add step": one button per step type; click to append, or drag it onto a step (inserted before it) or the end of the list.
import { useTranslations } from 'next-intl';
import type { DragEvent } from 'react';
import { type StepType, stepTypes } from '@/lib/workflows/definition';

export function StepPalette({
  onAdd,
  onDragStart,
}: {
  onAdd: (type: StepType) => void;
  onDragStart: (event: DragEvent, type: StepType) => void;
}) {
  const t = useTranslations('workflows.visualEditor');
  return (
    <section aria-labelledby="step-palette-title" className="rounded-card border border-border p-4">
      <h2 id="step-palette-title" className="font-display text-base font-semibold">
        {t('palette')}
      </h2>
      <p id="step-palette-hint" className="mt-1 text-xs text-fg-subtle">
        {t('paletteHint')}
      </p>
      <ul className="mt-3 grid grid-cols-2 gap-2" aria-describedby="step-palette-hint">
        {stepTypes.map((type) => (
          <li key={type}>
            <button
              type="button"
              draggable
              onDragStart={(event) => onDragStart(event, type)}
              onClick={() => onAdd(type)}
              className="w-full cursor-grab rounded-lg border border-border-strong px-2 py-1.5 text-start text-sm hover:bg-surface-raised"
              data-testid="palette-item"
              data-type={type}
            >
              {t(`types.${type}`)}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
