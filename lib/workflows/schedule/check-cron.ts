// Checks a five-field cron expression field by field, so an error can say which field is wrong and what it allows.
import type { FieldIssue } from '@/lib/errors';
import { parseCron } from './parse-cron';

export type CronField = 'minute' | 'hour' | 'dayOfMonth' | 'month' | 'weekday';
export type CronIssue = Omit<FieldIssue, 'path'>;

const fields: { field: CronField; min: number; max: number; names?: string[] }[] = [
  { field: 'minute', min: 0, max: 59 },
  { field: 'hour', min: 0, max: 23 },
  { field: 'dayOfMonth', min: 1, max: 31 },
  {
    field: 'month',
    min: 1,
    max: 12,
    names: ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'],
  },
  { field: 'weekday', min: 0, max: 7, names: ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'] },
];

const fieldWords: Record<CronField, string> = {
  minute: 'Minute',
  hour: 'Hour',
  dayOfMonth: 'Day of month',
  month: 'Month',
  weekday: 'Weekday',
};

/** The first problem with `cron`, or null when croner accepts it. Codes: cron_field_count, cron_field_out_of_range, cron_field_invalid, invalid_cron. */
export function checkCron(cron: string): CronIssue | null {
  const parts = cron.trim().split(/\s+/).filter(Boolean);
  if (parts.length !== 5)
    return {
      code: 'cron_field_count',
      params: { count: parts.length },
      message: `A schedule has five fields (minute hour day-of-month month weekday); this one has ${parts.length}`,
    };
  for (const [index, spec] of fields.entries()) {
    const issue = checkField(parts[index]!, spec);
    if (issue) return issue;
  }
  try {
    parseCron(cron);
    return null;
  } catch {
    return {
      code: 'invalid_cron',
      message: `"${cron}" is not a five-field cron expression (minute hour day month weekday)`,
    };
  }
}

function checkField(text: string, spec: (typeof fields)[number]): CronIssue | null {
  const { field, min, max } = spec;
  const invalid = (value: string): CronIssue => ({
    code: 'cron_field_invalid',
    params: { field, value, min, max },
    message: `${fieldWords[field]} “${value}” is not a number, a range (1-5), a list (1,3) or a step (*/15); use ${min}–${max}`,
  });
  for (const item of text.split(',')) {
    const [range, step, extra] = item.split('/');
    if (extra !== undefined || range === '' || (step !== undefined && !/^\d+$/.test(step))) return invalid(item);
    if (step !== undefined && Number(step) === 0) return invalid(item);
    if (range === '*' || range === '?') continue;
    for (const bound of range!.split('-')) {
      const value = toNumber(bound, spec.names);
      if (value === null) return /^(L|LW|\d*W|\d*L|\d+#\d)$/i.test(bound) ? null : invalid(bound || item);
      if (value < min || value > max)
        return {
          code: 'cron_field_out_of_range',
          params: { field, min, max, value: bound },
          message: `${fieldWords[field]} must be ${min}–${max}; “${bound}” is out of range`,
        };
    }
  }
  return null;
}

function toNumber(text: string, names?: string[]): number | null {
  if (/^\d+$/.test(text)) return Number(text);
  const named = names?.indexOf(text.toUpperCase()) ?? -1;
  if (named < 0) return null;
  return names!.length === 12 ? named + 1 : named;
}
