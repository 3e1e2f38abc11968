// Pure edits of a workflow definition for the visual editor: move, insert, remove and rename steps, keeping references in line.
import type { StepType } from '../definition';
import { defaultConfig } from './step-fields';

/** A definition as the editor holds it: possibly invalid while someone types, so loosely typed. */
export type EditorStep = {
  id: string;
  name?: string;
  type: string;
  config: Record<string, unknown>;
  next?: string | null;
  actionClass?: 'A' | 'B' | 'C';
};
export type EditorDefinition = {
  name: string;
  description?: string;
  trigger: { type: string } & Record<string, unknown>;
  steps: EditorStep[];
  settings?: Record<string, unknown>;
} & Record<string, unknown>;

/** The item at `from` moved so that it ends up at index `to` (both clamped to the list). */
export function moveItem<T>(items: readonly T[], from: number, to: number): T[] {
  const copy = [...items];
  if (from < 0 || from >= copy.length) return copy;
  const [item] = copy.splice(from, 1);
  copy.splice(Math.max(0, Math.min(to, copy.length)), 0, item!);
  return copy;
}

export function moveStep(definition: EditorDefinition, from: number, to: number): EditorDefinition {
  return { ...definition, steps: moveItem(definition.steps, from, to) };
}

/** `http_request`, then `http_request_2`, `http_request_3`… whichever is free. */
export function uniqueStepId(type: string, taken: Iterable<string>): string {
  const used = new Set(taken);
  const base =
    type
      .toLowerCase()
      .replace(/[^a-z0-9_]/g, '_')
      .replace(/^[^a-z]+/, '')
      .slice(0, 40) || 'step';
  if (!used.has(base)) return base;
  for (let n = 2; ; n++) if (!used.has(`${base}_${n}`)) return `${base}_${n}`;
}

/** A new step of `type` with its default config at index `at` (default: the end). A condition's `then` is the step after it. */
export function insertStep(
  definition: EditorDefinition,
  type: StepType,
  at = definition.steps.length,
): { definition: EditorDefinition; index: number } {
  const index = Math.max(0, Math.min(at, definition.steps.length));
  const config = defaultConfig(type);
  if (type === 'condition') config.then = definition.steps[index]?.id ?? null;
  const step: EditorStep = {
    id: uniqueStepId(
      type,
      definition.steps.map((s) => s.id),
    ),
    type,
    config,
  };
  const steps = [...definition.steps];
  steps.splice(index, 0, step);
  return { definition: { ...definition, steps }, index };
}

/** Rewrites `next`, `then` and `else` that point at `from` (to `to`; `undefined` clears a `next`, a branch becomes "end the run"). */
function retarget(step: EditorStep, from: string, to: string | undefined): EditorStep {
  let changed = step;
  if (step.next === from) {
    changed = { ...changed };
    if (to === undefined) delete changed.next;
    else changed.next = to;
  }
  if (step.type === 'condition' && (step.config.then === from || step.config.else === from)) {
    const config = { ...step.config };
    if (config.then === from) config.then = to ?? null;
    if (config.else === from) config.else = to ?? null;
    changed = { ...changed, config };
  }
  return changed;
}

/** Removes the step at `index`; steps that went to it go on to the next in the list, branches to it end the run. */
export function removeStep(definition: EditorDefinition, index: number): EditorDefinition {
  const removed = definition.steps[index];
  if (!removed) return definition;
  const stillUsed = definition.steps.some((step, i) => i !== index && step.id === removed.id);
  const steps = definition.steps
    .filter((_, i) => i !== index)
    .map((step) => (stillUsed ? step : retarget(step, removed.id, undefined)));
  return { ...definition, steps };
}

/** Changes a step's id; references follow when both the old and the new id belong to this step alone. */
export function renameStep(definition: EditorDefinition, index: number, id: string): EditorDefinition {
  const step = definition.steps[index];
  if (!step) return definition;
  const others = definition.steps.filter((_, i) => i !== index).map((s) => s.id);
  const follow = !others.includes(step.id) && !others.includes(id) && step.id !== id;
  const steps = definition.steps.map((s, i) => (i === index ? { ...s, id } : follow ? retarget(s, step.id, id) : s));
  return { ...definition, steps };
}

export function updateStep(
  definition: EditorDefinition,
  index: number,
  change: (step: EditorStep) => EditorStep,
): EditorDefinition {
  return { ...definition, steps: definition.steps.map((step, i) => (i === index ? change(step) : step)) };
}

/** Sets (or, for `undefined`, removes) one config field of the step at `index`. */
export function setConfigField(
  definition: EditorDefinition,
  index: number,
  field: string,
  value: unknown,
): EditorDefinition {
  return updateStep(definition, index, (step) => {
    const config = { ...step.config };
    if (value === undefined) delete config[field];
    else config[field] = value;
    return { ...step, config };
  });
}

/** Where a step goes after it, for the card: `then`/`else` of a condition, otherwise `next` or the following step. */
export function stepTargets(
  definition: EditorDefinition,
  index: number,
): { kind: 'next' | 'then' | 'else'; target: string | null }[] {
  const step = definition.steps[index];
  if (!step) return [];
  if (step.type === 'condition') {
    const branch = (value: unknown) => (typeof value === 'string' && value ? value : null);
    return [
      { kind: 'then', target: branch(step.config.then) },
      { kind: 'else', target: branch(step.config.else) },
    ];
  }
  return [{ kind: 'next', target: step.next !== undefined ? step.next : (definition.steps[index + 1]?.id ?? null) }];
}
