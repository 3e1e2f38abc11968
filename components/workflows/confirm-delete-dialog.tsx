'use client';
// Confirms deleting a workflow in a modal dialog that names it and what goes with it (versions, run history, backup
// snapshots); while runs are in progress it says so and where to cancel them, and does not offer to delete.
import { useTranslations } from 'next-intl';
import { useEffect, useId, useRef, useState } from 'react';
import { Link } from '@/lib/i18n/navigation';
import type { WorkflowContents } from '@/lib/workflows/count-workflow-contents';
import { callApi } from '@/lib/client/call-api';

type Props = {
  workflowId: string;
  name: string;
  contents: WorkflowContents;
  onClose: () => void;
  onDeleted: () => void;
};

export function ConfirmDeleteDialog({ workflowId, name, contents, onClose, onDeleted }: Props) {
  const t = useTranslations('workflows.lifecycle');
  const id = useId();
  const dialog = useRef<HTMLDialogElement>(null);
  const [pending, setPending] = useState(false);
  const [blocked, setBlocked] = useState(contents.runsInProgress > 0);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const element = dialog.current;
    if (element && !element.open) element.showModal();
    return () => element?.close();
  }, []);

  async function remove() {
    setPending(true);
    setError(null);
    const result = await callApi(`/api/workflows/${workflowId}`, { method: 'DELETE' });
    setPending(false);
    if (result.ok) {
      // NOTE: closed first: while a modal dialog is open the page behind it is inert and cannot take the focus.
      dialog.current?.close();
      return onDeleted();
    }
    if (result.status === 409) return setBlocked(true);
    setError(result.error.message || t('failed'));
  }

  return (
    <dialog
      ref={dialog}
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-body`}
      onCancel={(event) => {
        event.preventDefault();
        if (!pending) onClose();
      }}
      className="m-auto w-[min(32rem,calc(100vw-2rem))] rounded-card border border-border-strong bg-surface-raised p-6 text-fg shadow-2xl backdrop:bg-slate-950/70"
      data-testid="delete-dialog"
    >
      <h2 id={`${id}-title`} className="font-display text-xl font-semibold break-words">
        {t('deleteTitle', { name })}
      </h2>
      <div id={`${id}-body`} className="mt-3 space-y-3 text-sm text-fg-muted">
        <p>{t('deleteAlso')}</p>
        <ul className="list-disc space-y-1 ps-5" data-testid="delete-contents">
          <li>{t('versions', { count: contents.versions })}</li>
          <li>{t('runs', { count: contents.runs })}</li>
          <li>{t('snapshots', { count: contents.snapshots })}</li>
        </ul>
        <p>{t('deleteWarning')}</p>
      </div>
      {blocked ? (
        <div
          role="alert"
          className="mt-4 rounded-lg border border-warning/50 bg-warning/10 p-3 text-sm text-fg"
          data-testid="delete-blocked"
        >
          <p>
            {contents.runsInProgress > 0 ? t('inProgress', { count: contents.runsInProgress }) : t('inProgressUnknown')}
          </p>
          <Link
            href={{ pathname: '/runs', query: { workflowId } }}
            className="mt-1 inline-block text-brand-accent underline underline-offset-4"
          >
            {t('openRuns')}
          </Link>
        </div>
      ) : null}
      {error ? (
        <p role="alert" className="mt-4 text-sm text-danger">
          {error}
        </p>
      ) : null}
      <div className="mt-6 flex flex-wrap justify-end gap-2">
        <button
          type="button"
          autoFocus
          disabled={pending}
          onClick={onClose}
          className="rounded-lg border border-border-strong px-4 py-2 text-sm hover:bg-surface disabled:opacity-60"
        >
          {t('cancel')}
        </button>
        {blocked ? null : (
          <button
            type="button"
            disabled={pending}
            onClick={() => void remove()}
            className="rounded-lg bg-rose-600 px-4 py-2 text-sm font-semibold text-white hover:bg-rose-700 disabled:opacity-60"
          >
            {pending ? t('deleting') : t('confirmDelete')}
          </button>
        )}
      </div>
    </dialog>
  );
}
