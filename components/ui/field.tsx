'use client';
// A labelled form field with an optional hint and error, wired for assistive technology (aria-describedby,
// aria-invalid). The control is passed as a render function that receives the ids and aria props.
import { useId, type ReactNode } from 'react';

export type FieldControlProps = { id: string; 'aria-describedby'?: string; 'aria-invalid'?: true };

type Props = {
  label: ReactNode;
  hint?: ReactNode;
  error?: string | null;
  className?: string;
  children: (control: FieldControlProps) => ReactNode;
};

export const inputClass =
  'w-full rounded-lg border border-border-strong bg-surface-sunken px-3 py-2 text-sm text-fg placeholder:text-fg-subtle aria-invalid:border-danger';

export function Field({ label, hint, error, className = '', children }: Props) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  return (
    <div className={className}>
      <label htmlFor={id} className="block text-sm font-medium">
        {label}
      </label>
      {hint ? (
        <p id={hintId} className="mt-1 text-xs text-fg-subtle">
          {hint}
        </p>
      ) : null}
      <div className="mt-1">
        {children({ id, 'aria-describedby': describedBy, 'aria-invalid': error ? true : undefined })}
      </div>
      {error ? (
        <p id={errorId} className="mt-1 text-sm text-danger" data-testid="field-error">
          {error}
        </p>
      ) : null}
    </div>
  );
}
