// A trigger in plain words: which `templates.triggers.*` message to show, with its values (cron patterns people read).
import type { WorkflowDefinitionInput } from '@/lib/workflows/definition';

export type TriggerText = { key: string; values: Record<string, string | number> };

const number = /^\d{1,2}$/;
const pad = (value: string) => value.padStart(2, '0');

/** Common five-field cron shapes become sentences; anything else is shown as the expression itself. */
export function describeSchedule(cron: string): TriggerText {
  const [minute = '', hour = '', day = '', month = '', weekday = ''] = cron.trim().split(/\s+/);
  const time = `${pad(hour)}:${pad(minute)}`;
  const every = /^\*\/(\d{1,2})$/.exec(minute);
  if (every && hour === '*' && day === '*' && month === '*' && weekday === '*')
    return { key: 'triggers.schedule.everyMinutes', values: { minutes: Number(every[1]) } };
  if (number.test(minute) && hour === '*' && day === '*' && month === '*' && weekday === '*')
    return { key: 'triggers.schedule.hourly', values: { minute: pad(minute) } };
  if (number.test(minute) && number.test(hour) && month === '*') {
    if (day === '*' && weekday === '*') return { key: 'triggers.schedule.daily', values: { time } };
    if (day === '*' && /^[0-7]$/.test(weekday))
      return { key: 'triggers.schedule.weekly', values: { weekday: Number(weekday) % 7, time } };
    if (number.test(day) && weekday === '*')
      return { key: 'triggers.schedule.monthly', values: { day: Number(day), time } };
  }
  return { key: 'triggers.schedule.custom', values: { cron } };
}

export function describeTrigger(trigger: WorkflowDefinitionInput['trigger']): TriggerText {
  switch (trigger.type) {
    case 'schedule':
      return describeSchedule(trigger.cron);
    case 'webhook':
      return { key: trigger.requireSignature ? 'triggers.webhookSigned' : 'triggers.webhook', values: {} };
    case 'event':
      return {
        key: trigger.event === 'workflow.failed' ? 'triggers.eventFailed' : 'triggers.eventSucceeded',
        values: {},
      };
    default:
      return { key: 'triggers.manual', values: {} };
  }
}

/** A weekday number (0 = Sunday) as the locale names it. */
export function weekdayName(locale: string, weekday: number): string {
  // NOTE: 2026-11-22 is a Sunday; adding days walks the week in UTC.
  return new Intl.DateTimeFormat(locale, { weekday: 'long', timeZone: 'UTC' }).format(
    new Date(Date.UTC(2026, 10, 22 + weekday)),
  );
}
