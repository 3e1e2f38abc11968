// Whether a proposed definition does what an evaluation request expects: its trigger type, every expected step type,
// and the schedule's cron, hour or weekday when the request names one.
import type { WorkflowDefinition } from '@/lib/workflows/definition';

export type EvalExpect = {
  triggerType: string;
  stepTypes: string[];
  schedule?: { cron?: string; hour?: number; weekday?: number };
};
export type EvalRequest = {
  id: string;
  locale: string;
  category: string;
  prompt: string;
  heldOut?: boolean;
  expect: EvalExpect;
};

/** A cron field holds `value` when it lists it (`1`, `1,3`, `1-5`). */
function fieldHolds(field: string, value: number): boolean {
  return field.split(',').some((part) => {
    const range = /^(\d+)-(\d+)$/.exec(part);
    if (range) return Number(range[1]) <= value && value <= Number(range[2]);
    return part === String(value) || (value === 0 && part === '7');
  });
}

export function intentMatches(definition: Pick<WorkflowDefinition, 'trigger' | 'steps'>, expect: EvalExpect): boolean {
  if (definition.trigger.type !== expect.triggerType) return false;
  const types = new Set(definition.steps.map((step) => step.type as string));
  if (!expect.stepTypes.every((type) => types.has(type))) return false;
  if (!expect.schedule) return true;
  if (definition.trigger.type !== 'schedule') return false;
  const cron = definition.trigger.cron.trim().replace(/\s+/g, ' ');
  const [, hour = '', , , weekday = ''] = cron.split(' ');
  const { cron: wanted, hour: wantedHour, weekday: wantedWeekday } = expect.schedule;
  if (wanted !== undefined && wanted !== cron) return false;
  if (wantedHour !== undefined && hour !== String(wantedHour)) return false;
  return wantedWeekday === undefined || fieldHolds(weekday, wantedWeekday);
}
