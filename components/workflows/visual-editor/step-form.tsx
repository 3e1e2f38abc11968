'use client';
// The fields of one step: id, name, action class, where it goes next, and its type's config fields.
import { useTranslations } from 'next-intl';
import { connectionKindFor } from '@/components/app/connections/connection-kinds';
import type { StepType } from '@/lib/workflows/definition';
import type { EditorStep } from '@/lib/workflows/editor/edit-definition';
import type { StepIssues } from '@/lib/workflows/editor/map-issues';
import { stepFields } from '@/lib/workflows/editor/step-fields';
import { ConditionFields } from './condition-fields';
import { ConfigField } from './config-field';
import { ConnectionSelect } from './connection-select';
import { describedBy, FieldErrors, inputClass } from './field-errors';
import { StepTargetSelect } from './step-target-select';

type Props = {
  id: string;
  step: EditorStep;
  otherStepIds: string[];
  issues: StepIssues;
  onRename: (id: string) => void;
  onChange: (change: (step: EditorStep) => EditorStep) => void;
  onConfig: (field: string, value: unknown) => void;
};

export function StepForm({ id, step, otherStepIds, issues, onRename, onChange, onConfig }: Props) {
  const t = useTranslations('workflows.visualEditor');
  const { fields, own } = issues;
  const specs = step.type === 'condition' ? null : (stepFields[step.type as Exclude<StepType, 'condition'>] ?? []);
  const setOwn = <K extends 'name' | 'actionClass' | 'next'>(key: K, value: EditorStep[K] | undefined) =>
    onChange((current) => {
      const copy = { ...current };
      if (value === undefined) delete copy[key];
      else copy[key] = value;
      return copy;
    });
  return (
    <div className="grid gap-3 sm:grid-cols-2">
      <div>
        <label htmlFor={`${id}-id`} className="block text-sm font-medium">
          {t('id')}
        </label>
        <input
          id={`${id}-id`}
          dir="ltr"
          value={step.id}
          onChange={(event) => onRename(event.target.value)}
          aria-invalid={Boolean(own.id?.length)}
          aria-describedby={describedBy(`${id}-id-hint`, own.id?.length && `${id}-id-error`)}
          className={`${inputClass} font-mono`}
          data-field="id"
        />
        <p id={`${id}-id-hint`} className="mt-1 text-xs text-fg-subtle">
          {t('idHint', { example: 'steps.<id>.output' })}
        </p>
        <FieldErrors id={`${id}-id-error`} issues={own.id} />
      </div>
      <div>
        <label htmlFor={`${id}-name`} className="block text-sm font-medium">
          {t('name')}
        </label>
        <input
          id={`${id}-name`}
          dir="auto"
          value={step.name ?? ''}
          onChange={(event) => setOwn('name', event.target.value || undefined)}
          aria-invalid={Boolean(own.name?.length)}
          aria-describedby={describedBy(own.name?.length && `${id}-name-error`)}
          className={inputClass}
        />
        <FieldErrors id={`${id}-name-error`} issues={own.name} />
      </div>
      <div>
        <label htmlFor={`${id}-class`} className="block text-sm font-medium">
          {t('actionClass')}
        </label>
        <select
          id={`${id}-class`}
          value={step.actionClass ?? ''}
          onChange={(event) => setOwn('actionClass', (event.target.value || undefined) as EditorStep['actionClass'])}
          className={inputClass}
        >
          <option value="">{t('actionClassDefault')}</option>
          {(['A', 'B', 'C'] as const).map((value) => (
            <option key={value} value={value}>
              {t(`actionClasses.${value}`)}
            </option>
          ))}
        </select>
      </div>
      {specs ? (
        <StepTargetSelect
          id={`${id}-next`}
          label={t('next')}
          value={step.next}
          stepIds={otherStepIds}
          allowDefault
          issues={own.next}
          onChange={(value) => setOwn('next', value)}
        />
      ) : null}
      {specs ? (
        specs.map((spec) => {
          const kind = connectionKindFor(step.type, spec.name);
          const props = {
            id: `${id}-config-${spec.name}`,
            label: t(`fields.${spec.name}` as 'fields.url'),
            value: step.config[spec.name],
            issues: fields[spec.name],
            onChange: (value: unknown) => onConfig(spec.name, value),
          };
          return kind ? (
            <ConnectionSelect key={spec.name} kind={kind} required={spec.required} {...props} />
          ) : (
            <ConfigField key={spec.name} spec={spec} {...props} />
          );
        })
      ) : (
        <ConditionFields id={id} step={step} otherStepIds={otherStepIds} fields={fields} onChange={onConfig} />
      )}
    </div>
  );
}
