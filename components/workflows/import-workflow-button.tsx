'use client';
// "Import from a file": pick or drop a `.levqor.json` file; the server validates it like any definition and creates it
// disabled. A bad file shows each problem with its step and field; nothing is created.
import { useTranslations } from 'next-intl';
import { useId, useState } from 'react';
import { Link, useRouter } from '@/lib/i18n/navigation';
import { callApi, type ValidationIssue } from '@/lib/client/call-api';
import { showFlash } from './flash-message';
import { ValidationIssues } from './validation-issues';

const MAX_FILE_KB = 128;

export function ImportWorkflowButton() {
  const t = useTranslations('workflows.lifecycle');
  const router = useRouter();
  const id = useId();
  const [pending, setPending] = useState(false);
  const [dragging, setDragging] = useState(false);
  const [issues, setIssues] = useState<ValidationIssue[]>([]);
  const [error, setError] = useState<{ text: string; limit?: boolean } | null>(null);

  async function importFile(file: File | undefined) {
    if (!file) return;
    setIssues([]);
    setError(null);
    if (file.size > MAX_FILE_KB * 1024) return setError({ text: t('importTooLarge', { max: MAX_FILE_KB }) });
    let body: unknown;
    try {
      body = JSON.parse(await file.text());
    } catch (syntax) {
      return setError({ text: t('importInvalidJson', { reason: (syntax as Error).message }) });
    }
    setPending(true);
    const result = await callApi<{ id: string; name: string }>('/api/workflows/import', { json: body });
    setPending(false);
    if (result.ok) {
      showFlash({
        text: t('imported', { name: result.data.name }),
        href: `/workflows/${result.data.id}`,
        linkText: t('openImported'),
      });
      return router.refresh();
    }
    if (result.error.details?.issues?.length) {
      setError({ text: t('importInvalid') });
      return setIssues(result.error.details.issues);
    }
    setError(
      result.error.code === 'limit_reached'
        ? { text: t('limitReached'), limit: true }
        : { text: result.error.message || t('failed') },
    );
  }

  return (
    <section
      aria-labelledby={`${id}-title`}
      onDragOver={(event) => {
        event.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={(event) => {
        event.preventDefault();
        setDragging(false);
        void importFile(event.dataTransfer.files[0]);
      }}
      className={`mt-4 rounded-card border border-dashed p-4 ${dragging ? 'border-brand-accent bg-brand/10' : 'border-border-strong'}`}
      data-testid="import-workflow"
    >
      <h2 id={`${id}-title`} className="text-sm font-semibold">
        {t('importTitle')}
      </h2>
      <div className="mt-2 flex flex-wrap items-center gap-3">
        <label className="inline-flex cursor-pointer items-center rounded-lg border border-border-strong px-4 py-2 text-sm font-medium hover:bg-surface-raised focus-within:outline-2 focus-within:outline-brand-accent">
          <span>{pending ? t('importing') : t('import')}</span>
          <input
            type="file"
            accept=".json,application/json"
            className="sr-only"
            disabled={pending}
            aria-describedby={`${id}-hint`}
            onChange={(event) => {
              void importFile(event.target.files?.[0]);
              event.target.value = '';
            }}
            data-testid="import-file"
          />
        </label>
        <p id={`${id}-hint`} className="text-xs text-fg-subtle">
          {t('importHint')}
        </p>
      </div>
      {error ? (
        <p role="alert" className="mt-3 text-sm text-danger">
          {error.text}{' '}
          {error.limit ? (
            <Link href="/billing" className="text-brand-accent underline underline-offset-4">
              {t('upgrade')}
            </Link>
          ) : null}
        </p>
      ) : null}
      <div className="mt-3 empty:hidden">
        <ValidationIssues issues={issues} />
      </div>
    </section>
  );
}
