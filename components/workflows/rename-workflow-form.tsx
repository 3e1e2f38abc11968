'use client';
// Inline rename: saves the current definition with the new name as a new version (PUT with expectedVersion); the
// validator's message for the name shows on the field.
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useEffect, useId, useRef, useState } from 'react';
import { limits } from '@/lib/workflows/definition';
import { workflowNameSchema } from '@/lib/workflows/schemas';
import { callApi } from '@/lib/client/call-api';
import { showFlash } from './flash-message';
import { buttonClass } from '@/components/ui/button';

type Loaded = { currentVersion: number; definition: Record<string, unknown> & { name: string } };

export function RenameWorkflowForm({
  workflowId,
  name,
  onDone,
  className,
}: {
  workflowId: string;
  name: string;
  onDone: (renamed: boolean) => void;
  className?: string;
}) {
  const t = useTranslations('workflows.lifecycle');
  const router = useRouter();
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [value, setValue] = useState(name);
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  useEffect(() => input.current?.select(), []);

  function localError(text: string): string | null {
    const parsed = workflowNameSchema.safeParse(text);
    if (parsed.success) return null;
    return parsed.error.issues[0]?.code === 'too_big'
      ? t('nameTooLong', { max: limits.nameLength })
      : t('nameRequired');
  }

  async function save() {
    setError(null);
    const problem = localError(value);
    setFieldError(problem);
    if (problem) return input.current?.focus();
    const next = value.trim();
    if (next === name) return onDone(false);
    setPending(true);
    const loaded = await callApi<Loaded>(`/api/workflows/${workflowId}`);
    const saved = loaded.ok
      ? await callApi<{ currentVersion: number; name: string }>(`/api/workflows/${workflowId}`, {
          method: 'PUT',
          json: { definition: { ...loaded.data.definition, name: next }, expectedVersion: loaded.data.currentVersion },
        })
      : loaded;
    setPending(false);
    if (saved.ok) {
      showFlash({ text: t('renamed', { name: saved.data.name, version: saved.data.currentVersion }) });
      router.refresh();
      return onDone(true);
    }
    const nameIssue = saved.error.details?.issues?.find((issue) => issue.path === 'name');
    if (nameIssue) {
      setFieldError(nameIssue.message);
      return input.current?.focus();
    }
    setError(saved.status === 409 ? t('renameStale') : saved.error.message || t('failed'));
  }

  return (
    <form
      className={`flex flex-wrap items-start gap-2 ${className ?? ''}`}
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.preventDefault();
          onDone(false);
        }
      }}
      data-testid="rename-form"
    >
      <div className="min-w-0 flex-1 basis-56">
        <label htmlFor={`${id}-name`} className="sr-only">
          {t('nameLabel')}
        </label>
        <input
          ref={input}
          id={`${id}-name`}
          value={value}
          onChange={(event) => {
            setValue(event.target.value);
            if (fieldError) setFieldError(localError(event.target.value));
          }}
          aria-invalid={fieldError ? true : undefined}
          aria-describedby={fieldError ? `${id}-error` : undefined}
          className="block w-full rounded-lg border border-border-strong bg-surface px-3 py-2 text-base text-fg aria-[invalid=true]:border-danger"
        />
        {fieldError ? (
          <p id={`${id}-error`} className="mt-1 text-xs text-danger" data-testid="field-error">
            {fieldError}
          </p>
        ) : null}
        {error ? (
          <p role="alert" className="mt-1 text-xs text-danger">
            {error}
          </p>
        ) : null}
      </div>
      <button
        type="submit"
        disabled={pending}
        className="rounded-lg bg-brand-gradient px-3 py-2 text-sm font-semibold text-slate-950 disabled:opacity-60"
      >
        {pending ? t('saving') : t('saveName')}
      </button>
      <button type="button" disabled={pending} onClick={() => onDone(false)} className={buttonClass({ size: 'sm' })}>
        {t('cancel')}
      </button>
    </form>
  );
}
