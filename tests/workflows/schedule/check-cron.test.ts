// Cron errors name the field that is wrong and the range it allows.
import { describe, expect, it } from 'vitest';
import { checkCron } from '@/lib/workflows/schedule/check-cron';
import { validateDefinition } from '@/lib/workflows/validate-definition';

describe('checkCron', () => {
  it('reports 61 * * * * as a minute out of 0–59, not as a malformed expression', () => {
    expect(checkCron('61 * * * *')).toMatchObject({
      code: 'cron_field_out_of_range',
      params: { field: 'minute', min: 0, max: 59, value: '61' },
      message: 'Minute must be 0–59; “61” is out of range',
    });
  });

  it.each([
    ['0 24 * * *', 'hour', 0, 23, '24'],
    ['0 9 0 * *', 'dayOfMonth', 1, 31, '0'],
    ['0 9 32 * *', 'dayOfMonth', 1, 31, '32'],
    ['0 9 * 13 *', 'month', 1, 12, '13'],
    ['0 9 * * 8', 'weekday', 0, 7, '8'],
    ['0 9 * * 1-9', 'weekday', 0, 7, '9'],
    ['0,75 9 * * *', 'minute', 0, 59, '75'],
  ])('reports %s as the %s field out of %i–%i', (cron, field, min, max, value) => {
    expect(checkCron(cron)).toMatchObject({ code: 'cron_field_out_of_range', params: { field, min, max, value } });
  });

  it('accepts ranges, lists, steps and month and weekday names', () => {
    for (const cron of ['*/15 9-17 * * MON-FRI', '0 0 1,15 JAN,jul *', '5/15 * * * 7', '0 12 L * *', '0 9 * * 0'])
      expect(checkCron(cron), cron).toBeNull();
  });

  it('counts the fields of an expression that does not have five', () => {
    expect(checkCron('0 9 * *')).toMatchObject({ code: 'cron_field_count', params: { count: 4 } });
    expect(checkCron('0 0 9 * * 1')).toMatchObject({ code: 'cron_field_count', params: { count: 6 } });
  });

  it('names the field of a word it does not know', () => {
    expect(checkCron('0 9 * * MOON')).toMatchObject({
      code: 'cron_field_invalid',
      params: { field: 'weekday', value: 'MOON' },
    });
    expect(checkCron('*/0 * * * *')).toMatchObject({ code: 'cron_field_invalid', params: { field: 'minute' } });
  });

  it('puts the per-field issue on trigger.cron in the validator', () => {
    const result = validateDefinition({
      name: 'Nightly',
      trigger: { type: 'schedule', cron: '0 25 * * *', timezone: 'UTC' },
      steps: [{ id: 'a', type: 'log', config: { message: 'x' } }],
    });
    expect(result).toMatchObject({
      ok: false,
      issues: [{ path: 'trigger.cron', code: 'cron_field_out_of_range', params: { field: 'hour', value: '25' } }],
    });
  });
});
