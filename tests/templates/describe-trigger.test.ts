import { describe, expect, it } from 'vitest';
import { describeSchedule, describeTrigger, weekdayName } from '@/lib/templates/describe-trigger';

describe('triggers in plain words', () => {
  it.each([
    ['0 2 * * *', 'triggers.schedule.daily', { time: '02:00' }],
    ['30 1 * * *', 'triggers.schedule.daily', { time: '01:30' }],
    ['0 8 * * 1', 'triggers.schedule.weekly', { weekday: 1, time: '08:00' }],
    ['0 3 * * 7', 'triggers.schedule.weekly', { weekday: 0, time: '03:00' }],
    ['0 9 1 * *', 'triggers.schedule.monthly', { day: 1, time: '09:00' }],
    ['*/5 * * * *', 'triggers.schedule.everyMinutes', { minutes: 5 }],
    ['15 * * * *', 'triggers.schedule.hourly', { minute: '15' }],
    ['0 9-17 * * 1-5', 'triggers.schedule.custom', { cron: '0 9-17 * * 1-5' }],
  ])('reads "%s" as %s', (cron, key, values) => {
    expect(describeSchedule(cron)).toEqual({ key, values });
  });

  it('names webhook, signed webhook, manual and event triggers', () => {
    expect(describeTrigger({ type: 'webhook' }).key).toBe('triggers.webhook');
    expect(describeTrigger({ type: 'webhook', requireSignature: true }).key).toBe('triggers.webhookSigned');
    expect(describeTrigger({ type: 'manual' }).key).toBe('triggers.manual');
    expect(
      describeTrigger({ type: 'event', event: 'workflow.failed', workflowId: '00000000-0000-4000-8000-000000000000' })
        .key,
    ).toBe('triggers.eventFailed');
  });

  it('names weekdays in the reader’s language', () => {
    expect(weekdayName('en', 1)).toBe('Monday');
    expect(weekdayName('de', 0)).toBe('Sonntag');
    expect(weekdayName('fr', 5)).toBe('vendredi');
  });
});
