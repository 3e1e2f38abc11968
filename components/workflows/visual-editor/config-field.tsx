'use client';
// One config field of a step, edited by kind (text, textarea, number, select, checkbox, JSON, text-or-JSON), with its errors.
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import type { FieldSpec } from '@/lib/workflows/editor/step-fields';
import type { EditorIssue } from '@/lib/workflows/editor/map-issues';
import { describedBy, FieldErrors, inputClass } from './field-errors';

type Props = {
  id: string;
  spec: FieldSpec;
  label: string;
  value: unknown;
  issues?: EditorIssue[];
  onChange: (value: unknown) => void;
};

const toText = (value: unknown, kind: FieldSpec['kind']) =>
  value === undefined ? '' : kind === 'any' && typeof value === 'string' ? value : JSON.stringify(value, null, 2);

/** Numbers stay numbers; anything else typed (a `{{template}}`) is kept as text for the validator to judge. */
export const parseNumber = (text: string): unknown =>
  text.trim() === '' ? undefined : /^-?\d+(\.\d+)?$/.test(text.trim()) ? Number(text) : text;

export function ConfigField({ id, spec, label, value, issues, onChange }: Props) {
  const t = useTranslations('workflows.visualEditor');
  const [text, setText] = useState(() => toText(value, spec.kind));
  const [syntax, setSyntax] = useState<string | null>(null);
  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;
  const invalid = Boolean(issues?.length) || syntax !== null;
  const common = {
    id,
    'aria-invalid': invalid,
    'aria-describedby': describedBy(
      issues?.length ? errorId : false,
      syntax !== null && hintId,
      (spec.kind === 'json' || spec.kind === 'any') && hintId,
    ),
    'data-field': spec.name,
  };

  function changeJson(next: string) {
    setText(next);
    if (next.trim() === '') return (setSyntax(null), onChange(undefined));
    try {
      const parsed: unknown = JSON.parse(next);
      if (spec.kind === 'any' && (parsed === null || typeof parsed !== 'object'))
        return (setSyntax(null), onChange(next));
      setSyntax(null);
      onChange(parsed);
    } catch (error) {
      if (spec.kind === 'any' && !/^\s*[[{]/.test(next)) return (setSyntax(null), onChange(next));
      setSyntax(t('invalidJson', { reason: (error as Error).message }));
    }
  }

  if (spec.kind === 'checkbox') {
    return (
      <div className="flex items-start gap-2 sm:col-span-2">
        <input
          type="checkbox"
          {...common}
          checked={value === true}
          onChange={(event) => onChange(event.target.checked ? true : undefined)}
          className="mt-1 h-4 w-4 accent-brand"
        />
        <label htmlFor={id} className="text-sm">
          {label}
        </label>
        <FieldErrors id={errorId} issues={issues} />
      </div>
    );
  }
  const wide = spec.kind === 'textarea' || spec.kind === 'json' || spec.kind === 'any';
  return (
    <div className={wide ? 'sm:col-span-2' : undefined}>
      <label htmlFor={id} className="block text-sm font-medium">
        {label} {spec.required ? <span className="text-fg-subtle">*</span> : null}
      </label>
      {spec.kind === 'select' ? (
        <select
          {...common}
          value={typeof value === 'string' ? value : ''}
          onChange={(event) => onChange(event.target.value || undefined)}
          className={inputClass}
        >
          <option value="">{spec.required ? t('choose') : t('defaultOption')}</option>
          {spec.options?.map((option) => (
            <option key={option} value={option}>
              {option}
            </option>
          ))}
        </select>
      ) : spec.kind === 'json' || spec.kind === 'any' ? (
        <textarea
          {...common}
          value={text}
          rows={3}
          dir="ltr"
          spellCheck={false}
          placeholder={spec.placeholder}
          onChange={(event) => changeJson(event.target.value)}
          className={`${inputClass} font-mono text-xs`}
        />
      ) : spec.kind === 'textarea' ? (
        <textarea
          {...common}
          value={typeof value === 'string' ? value : toText(value, 'any')}
          rows={3}
          placeholder={spec.placeholder}
          onChange={(event) => onChange(event.target.value || undefined)}
          className={inputClass}
        />
      ) : (
        <input
          {...common}
          type="text"
          inputMode={spec.kind === 'number' ? 'decimal' : undefined}
          dir={spec.kind === 'number' ? 'ltr' : 'auto'}
          value={value === undefined || value === null ? '' : String(value)}
          placeholder={spec.placeholder}
          onChange={(event) =>
            onChange(spec.kind === 'number' ? parseNumber(event.target.value) : event.target.value || undefined)
          }
          className={inputClass}
        />
      )}
      {spec.kind === 'json' || spec.kind === 'any' ? (
        <p id={hintId} className={`mt-1 text-xs ${syntax ? 'text-danger' : 'text-fg-subtle'}`}>
          {syntax ?? t(spec.kind === 'json' ? 'jsonHint' : 'anyHint')}
        </p>
      ) : null}
      <FieldErrors id={errorId} issues={issues} />
    </div>
  );
}
