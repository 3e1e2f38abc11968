'use client';
// Creates an API key through POST /api/api-keys and shows it once, with a copy button.
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useState } from 'react';

type FieldErrors = Record<string, string>;

export function ApiKeyCreateForm() {
  const t = useTranslations('app');
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [created, setCreated] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);
  const [errors, setErrors] = useState<FieldErrors>({});

  async function submit(form: HTMLFormElement) {
    const data = new FormData(form);
    setPending(true);
    setErrors({});
    const response = await fetch('/api/api-keys', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: data.get('name'), scopes: data.getAll('scopes') }),
    }).catch(() => null);
    setPending(false);
    const body = await response?.json().catch(() => null);
    if (!response?.ok) {
      const issues: { path: string; message: string }[] = body?.error?.details?.issues ?? [];
      setErrors(
        issues.length
          ? Object.fromEntries(issues.map((i) => [i.path, i.message]))
          : { form: body?.error?.message ?? t('errors.generic') },
      );
      return;
    }
    setCreated(body.key);
    setCopied(false);
    form.reset();
    router.refresh();
  }

  return (
    <div className="mt-8">
      {created ? (
        <div role="status" className="mb-6 rounded-card border border-success/40 bg-success/10 p-5">
          <p className="font-semibold">{t('keys.createdTitle')}</p>
          <p className="mt-1 text-sm text-fg-muted">{t('keys.createdBody')}</p>
          <div className="mt-3 flex flex-wrap items-center gap-2">
            <code
              className="break-all rounded-lg bg-surface px-3 py-2 font-mono text-sm"
              dir="ltr"
              data-testid="new-api-key"
            >
              {created}
            </code>
            <button
              type="button"
              className="rounded-lg border border-border-strong px-3 py-2 text-sm hover:bg-surface-raised"
              onClick={() =>
                navigator.clipboard?.writeText(created).then(
                  () => setCopied(true),
                  () => setCopied(false),
                )
              }
            >
              {copied ? t('keys.copied') : t('keys.copy')}
            </button>
          </div>
        </div>
      ) : null}
      <form
        className="grid gap-4 rounded-card border border-border p-5 sm:grid-cols-[1fr_auto]"
        onSubmit={(event) => {
          event.preventDefault();
          void submit(event.currentTarget);
        }}
      >
        <label className="block text-sm font-medium">
          {t('keys.name')}
          <input
            name="name"
            required
            maxLength={80}
            placeholder={t('keys.namePlaceholder')}
            aria-invalid={Boolean(errors.name)}
            aria-describedby={errors.name ? 'api-key-name-error' : undefined}
            className="mt-1 block w-full rounded-lg border border-border-strong bg-surface px-3 py-2 text-fg placeholder:text-fg-subtle"
          />
          {errors.name ? (
            <span id="api-key-name-error" className="mt-1 block text-xs text-danger">
              {errors.name}
            </span>
          ) : null}
        </label>
        <fieldset className="text-sm sm:col-span-2">
          <legend className="font-medium">{t('keys.scopes')}</legend>
          <div className="mt-2 flex gap-4">
            {(['read', 'write', 'admin'] as const).map((scope) => (
              <label key={scope} className="inline-flex items-center gap-2">
                <input
                  type="checkbox"
                  name="scopes"
                  value={scope}
                  defaultChecked={scope !== 'admin'}
                  className="h-4 w-4 accent-brand"
                />
                {t(`keys.scope${scope[0]!.toUpperCase()}${scope.slice(1)}` as 'keys.scopeRead')}
              </label>
            ))}
          </div>
          {errors.scopes ? <span className="mt-1 block text-xs text-danger">{errors.scopes}</span> : null}
        </fieldset>
        {errors.form ? (
          <p role="alert" className="text-sm text-danger sm:col-span-2">
            {errors.form}
          </p>
        ) : null}
        <button
          type="submit"
          disabled={pending}
          className="rounded-lg bg-brand-gradient px-4 py-2 font-semibold text-slate-950 disabled:opacity-60 sm:col-start-1 sm:w-fit"
        >
          {pending ? t('keys.creating') : t('keys.create')}
        </button>
      </form>
    </div>
  );
}
