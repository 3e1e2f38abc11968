'use client';
// A condition's form: rules (value, comparison, compared with), match all/any, and the then/else branches.
import { useTranslations } from 'next-intl';
import type { EditorStep } from '@/lib/workflows/editor/edit-definition';
import type { EditorIssue } from '@/lib/workflows/editor/map-issues';
import { parseNumber } from './config-field';
import { describedBy, FieldErrors, inputClass } from './field-errors';
import { StepTargetSelect } from './step-target-select';

const operators = [
  'eq',
  'neq',
  'gt',
  'gte',
  'lt',
  'lte',
  'contains',
  'not_contains',
  'exists',
  'not_exists',
  'matches',
] as const;
type Rule = { left?: unknown; op?: string; right?: unknown };

type Props = {
  id: string;
  step: EditorStep;
  otherStepIds: string[];
  fields: Record<string, EditorIssue[]>;
  onChange: (field: string, value: unknown) => void;
};

const asText = (value: unknown) =>
  value === undefined || value === null ? '' : typeof value === 'string' ? value : JSON.stringify(value);

export function ConditionFields({ id, step, otherStepIds, fields, onChange }: Props) {
  const t = useTranslations('workflows.visualEditor.condition');
  const rules: Rule[] = Array.isArray(step.config.rules) ? (step.config.rules as Rule[]) : [];
  const setRule = (index: number, change: Rule) =>
    onChange(
      'rules',
      rules.map((rule, i) => (i === index ? { ...rule, ...change } : rule)),
    );
  const target = (value: unknown) => (typeof value === 'string' ? value : null);
  return (
    <div className="space-y-4 sm:col-span-2">
      <fieldset aria-describedby={describedBy(fields.rules?.length ? `${id}-rules-error` : false)}>
        <legend className="text-sm font-medium">{t('rules')}</legend>
        <ol className="mt-2 space-y-3">
          {rules.map((rule, index) => {
            const ruleId = `${id}-rule-${index}`;
            const noRight = rule.op === 'exists' || rule.op === 'not_exists';
            return (
              <li
                key={index}
                className="grid gap-2 rounded-lg border border-border p-3 sm:grid-cols-[1fr_12rem_1fr_auto] sm:items-end"
              >
                <div>
                  <label htmlFor={`${ruleId}-left`} className="block text-xs font-medium">
                    {t('left', { number: index + 1 })}
                  </label>
                  <input
                    id={`${ruleId}-left`}
                    dir="ltr"
                    value={asText(rule.left)}
                    placeholder="{{steps.fetch.output.status}}"
                    onChange={(event) => setRule(index, { left: event.target.value })}
                    className={`${inputClass} font-mono text-xs`}
                  />
                </div>
                <div>
                  <label htmlFor={`${ruleId}-op`} className="block text-xs font-medium">
                    {t('op', { number: index + 1 })}
                  </label>
                  <select
                    id={`${ruleId}-op`}
                    value={rule.op ?? 'eq'}
                    onChange={(event) => setRule(index, { op: event.target.value })}
                    className={inputClass}
                  >
                    {operators.map((op) => (
                      <option key={op} value={op}>
                        {t(`ops.${op}`)}
                      </option>
                    ))}
                  </select>
                </div>
                <div>
                  {noRight ? null : (
                    <>
                      <label htmlFor={`${ruleId}-right`} className="block text-xs font-medium">
                        {t('right', { number: index + 1 })}
                      </label>
                      <input
                        id={`${ruleId}-right`}
                        dir="ltr"
                        value={asText(rule.right)}
                        onChange={(event) => setRule(index, { right: parseNumber(event.target.value) ?? '' })}
                        className={`${inputClass} font-mono text-xs`}
                      />
                    </>
                  )}
                </div>
                <button
                  type="button"
                  disabled={rules.length <= 1}
                  onClick={() =>
                    onChange(
                      'rules',
                      rules.filter((_, i) => i !== index),
                    )
                  }
                  className="rounded-lg border border-border-strong px-3 py-2 text-xs hover:bg-surface-raised disabled:opacity-50"
                >
                  {t('removeRule', { number: index + 1 })}
                </button>
              </li>
            );
          })}
        </ol>
        <FieldErrors id={`${id}-rules-error`} issues={fields.rules} />
        <button
          type="button"
          onClick={() => onChange('rules', [...rules, { left: '', op: 'eq', right: '' }])}
          className="mt-2 rounded-lg border border-border-strong px-3 py-1.5 text-sm hover:bg-surface-raised"
        >
          {t('addRule')}
        </button>
      </fieldset>
      <div className="grid gap-3 sm:grid-cols-3">
        <div>
          <label htmlFor={`${id}-match`} className="block text-sm font-medium">
            {t('match')}
          </label>
          <select
            id={`${id}-match`}
            value={step.config.match === 'any' ? 'any' : 'all'}
            onChange={(event) => onChange('match', event.target.value)}
            className={inputClass}
          >
            <option value="all">{t('matchAll')}</option>
            <option value="any">{t('matchAny')}</option>
          </select>
        </div>
        <StepTargetSelect
          id={`${id}-then`}
          label={t('then')}
          value={target(step.config.then)}
          stepIds={otherStepIds}
          issues={fields.then}
          onChange={(value) => onChange('then', value ?? null)}
        />
        <StepTargetSelect
          id={`${id}-else`}
          label={t('else')}
          value={target(step.config.else)}
          stepIds={otherStepIds}
          issues={fields.else}
          onChange={(value) => onChange('else', value ?? null)}
        />
      </div>
    </div>
  );
}
