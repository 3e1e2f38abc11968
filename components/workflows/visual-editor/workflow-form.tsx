'use client';
// The workflow's name, trigger (manual, schedule with cron and time zone, webhook, event) and run settings.
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { webhookRateLimits } from '@/lib/workflows/definition';
import type { EditorDefinition } from '@/lib/workflows/editor/edit-definition';
import type { IssueMap } from '@/lib/workflows/editor/map-issues';
import { parseNumber } from './config-field';
import { describedBy, FieldErrors, inputClass } from './field-errors';
import { SchedulePreview } from './schedule-preview';

type Props = {
  id: string;
  definition: EditorDefinition;
  issues: IssueMap;
  onChange: (definition: EditorDefinition) => void;
};

const triggerDefaults: Record<string, EditorDefinition['trigger']> = {
  manual: { type: 'manual' },
  schedule: { type: 'schedule', cron: '0 9 * * 1', timezone: 'UTC' },
  webhook: { type: 'webhook', requireSignature: false },
  event: { type: 'event', event: 'workflow.failed', workflowId: '' },
};

/** A copy with `key` set, or removed when `value` is undefined. */
function withValue(record: Record<string, unknown>, key: string, value: unknown): Record<string, unknown> {
  const copy = { ...record };
  if (value === undefined) delete copy[key];
  else copy[key] = value;
  return copy;
}

export function WorkflowForm({ id, definition, issues, onChange }: Props) {
  const t = useTranslations('workflows');
  const v = useTranslations('workflows.visualEditor');
  // NOTE: the zone list is built on first focus, in the browser, so server and client render the same markup.
  const [timeZones, setTimeZones] = useState<string[]>([]);
  const { trigger } = definition;
  const settings = definition.settings ?? {};
  const retry = (settings.retry ?? {}) as Record<string, unknown>;
  const setTrigger = (change: Record<string, unknown>) =>
    onChange({ ...definition, trigger: { ...trigger, ...change } });
  const setSetting = (key: string, value: unknown) =>
    onChange({
      ...definition,
      settings:
        key === 'retry.maxAttempts'
          ? { ...settings, retry: withValue(retry, 'maxAttempts', value) }
          : withValue(settings, key, value),
    });
  const field = (
    key: string,
    label: string,
    value: unknown,
    onValue: (text: string) => void,
    errors: IssueMap['trigger'],
    extra: { hint?: string; list?: string; onFocus?: () => void; placeholder?: string } = {},
  ) => (
    <div>
      <label htmlFor={`${id}-${key}`} className="block text-sm font-medium">
        {label}
      </label>
      <input
        id={`${id}-${key}`}
        dir="ltr"
        list={extra.list}
        onFocus={extra.onFocus}
        placeholder={extra.placeholder}
        value={value === undefined || value === null ? '' : String(value)}
        onChange={(event) => onValue(event.target.value)}
        aria-invalid={Boolean(errors[key]?.length)}
        aria-describedby={describedBy(extra.hint && `${id}-${key}-hint`, errors[key]?.length && `${id}-${key}-error`)}
        className={inputClass}
      />
      {extra.hint ? (
        <p id={`${id}-${key}-hint`} className="mt-1 text-xs text-fg-subtle">
          {extra.hint}
        </p>
      ) : null}
      <FieldErrors id={`${id}-${key}-error`} issues={errors[key]} />
    </div>
  );
  const legend = 'px-1 text-sm font-semibold';
  return (
    <div className="grid gap-4 lg:grid-cols-2">
      <fieldset className="rounded-card border border-border p-4">
        <legend className={legend}>{v('trigger.legend')}</legend>
        <div className="grid gap-3 sm:grid-cols-2">
          <div className="sm:col-span-2">
            {field(
              'name',
              v('workflowName'),
              definition.name,
              (text) => onChange({ ...definition, name: text }),
              issues.workflow,
            )}
          </div>
          <div>
            <label htmlFor={`${id}-trigger`} className="block text-sm font-medium">
              {v('trigger.type')}
            </label>
            <select
              id={`${id}-trigger`}
              value={trigger.type}
              onChange={(event) => onChange({ ...definition, trigger: triggerDefaults[event.target.value] ?? trigger })}
              className={inputClass}
            >
              {Object.keys(triggerDefaults).map((type) => (
                <option key={type} value={type}>
                  {t(`trigger.${type as 'manual'}`)}
                </option>
              ))}
            </select>
          </div>
          {trigger.type === 'schedule' ? (
            <>
              {field('cron', v('trigger.cron'), trigger.cron, (text) => setTrigger({ cron: text }), issues.trigger, {
                hint: v('trigger.cronHint'),
              })}
              {field(
                'timezone',
                v('trigger.timezone'),
                trigger.timezone,
                (text) => setTrigger({ timezone: text }),
                issues.trigger,
                {
                  list: `${id}-zones`,
                  onFocus: () =>
                    timeZones.length === 0 && setTimeZones(Intl.supportedValuesOf?.('timeZone') ?? ['UTC']),
                },
              )}
              <datalist id={`${id}-zones`}>
                {timeZones.map((zone) => (
                  <option key={zone} value={zone} />
                ))}
              </datalist>
              <SchedulePreview id={id} cron={String(trigger.cron ?? '')} timeZone={String(trigger.timezone ?? 'UTC')} />
            </>
          ) : null}
          {trigger.type === 'webhook' ? (
            <>
              <div className="flex items-start gap-2 sm:col-span-2">
                <input
                  id={`${id}-signature`}
                  type="checkbox"
                  checked={trigger.requireSignature === true}
                  onChange={(event) => setTrigger({ requireSignature: event.target.checked })}
                  aria-describedby={`${id}-signature-hint`}
                  className="mt-1 h-4 w-4 accent-brand"
                />
                <div>
                  <label htmlFor={`${id}-signature`} className="text-sm">
                    {v('trigger.requireSignature')}
                  </label>
                  <p id={`${id}-signature-hint`} className="mt-1 text-xs text-fg-subtle">
                    {v('trigger.requireSignatureHint')}
                  </p>
                </div>
              </div>
              <div className="sm:col-span-2">
                {field(
                  'rateLimitPerMinute',
                  v('trigger.rateLimitPerMinute'),
                  trigger.rateLimitPerMinute,
                  (text) => setTrigger({ rateLimitPerMinute: parseNumber(text) }),
                  issues.trigger,
                  {
                    hint: v('trigger.rateLimitHint', {
                      min: webhookRateLimits.min,
                      max: webhookRateLimits.max,
                      perMinute: webhookRateLimits.defaultPerMinute,
                    }),
                    placeholder: String(webhookRateLimits.defaultPerMinute),
                  },
                )}
              </div>
            </>
          ) : null}
          {trigger.type === 'event' ? (
            <>
              <div>
                <label htmlFor={`${id}-event`} className="block text-sm font-medium">
                  {v('trigger.event')}
                </label>
                <select
                  id={`${id}-event`}
                  value={String(trigger.event ?? 'workflow.failed')}
                  onChange={(event) => setTrigger({ event: event.target.value })}
                  className={inputClass}
                >
                  <option value="workflow.succeeded">{t('eventDetail.succeeded')}</option>
                  <option value="workflow.failed">{t('eventDetail.failed')}</option>
                </select>
              </div>
              {field(
                'workflowId',
                v('trigger.workflowId'),
                trigger.workflowId,
                (text) => setTrigger({ workflowId: text }),
                issues.trigger,
              )}
            </>
          ) : null}
        </div>
        <FieldErrors
          id={`${id}-trigger-error`}
          issues={[
            ...(issues.trigger.type ?? []),
            ...(issues.trigger.event ?? []),
            ...(issues.trigger.requireSignature ?? []),
          ]}
        />
      </fieldset>
      <fieldset className="rounded-card border border-border p-4">
        <legend className={legend}>{v('settings.legend')}</legend>
        <div className="grid gap-3 sm:grid-cols-3">
          {field(
            'retry.maxAttempts',
            v('settings.maxAttempts'),
            retry.maxAttempts,
            (text) => setSetting('retry.maxAttempts', parseNumber(text)),
            issues.settings,
          )}
          {field(
            'concurrency',
            v('settings.concurrency'),
            settings.concurrency,
            (text) => setSetting('concurrency', parseNumber(text)),
            issues.settings,
          )}
          {field(
            'approvalTimeoutHours',
            v('settings.approvalTimeout'),
            settings.approvalTimeoutHours,
            (text) => setSetting('approvalTimeoutHours', parseNumber(text)),
            issues.settings,
          )}
        </div>
      </fieldset>
    </div>
  );
}
