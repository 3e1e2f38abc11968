'use client';
// A select of where to go: the other steps, "end the run", and optionally "the next step in the list".
import { useTranslations } from 'next-intl';
import type { EditorIssue } from '@/lib/workflows/editor/map-issues';
import { describedBy, FieldErrors, inputClass } from './field-errors';

type Props = {
  id: string;
  label: string;
  /** `undefined` is "the next in the list" (only offered with `allowDefault`), `null` ends the run. */
  value: string | null | undefined;
  stepIds: string[];
  allowDefault?: boolean;
  issues?: EditorIssue[];
  onChange: (value: string | null | undefined) => void;
};

const END = '__end__';
const DEFAULT = '__default__';

export function StepTargetSelect({ id, label, value, stepIds, allowDefault, issues, onChange }: Props) {
  const t = useTranslations('workflows.visualEditor');
  const current = value === undefined ? DEFAULT : value === null ? END : value;
  const known = value === null || value === undefined || stepIds.includes(value);
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium">
        {label}
      </label>
      <select
        id={id}
        value={current}
        aria-invalid={Boolean(issues?.length)}
        aria-describedby={describedBy(issues?.length ? `${id}-error` : false)}
        onChange={(event) =>
          onChange(event.target.value === DEFAULT ? undefined : event.target.value === END ? null : event.target.value)
        }
        className={inputClass}
      >
        {allowDefault ? <option value={DEFAULT}>{t('nextDefault')}</option> : null}
        <option value={END}>{t('endRun')}</option>
        {stepIds.map((stepId) => (
          <option key={stepId} value={stepId}>
            {stepId}
          </option>
        ))}
        {known ? null : <option value={current}>{t('unknownStep', { id: current })}</option>}
      </select>
      <FieldErrors id={`${id}-error`} issues={issues} />
    </div>
  );
}
