'use client';
// Confirms deleting a workflow in a modal dialog that names it and what goes with it (versions, run history, backup
// snapshots); while runs are in progress it says so and where to cancel them, and does not offer to delete.
import { useTranslations } from 'next-intl';
import { useRef, useState } from 'react';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { callApi, errorText } from '@/lib/client/call-api';
import { Link } from '@/lib/i18n/navigation';
import type { WorkflowContents } from '@/lib/workflows/count-workflow-contents';

type Props = {
  workflowId: string;
  name: string;
  contents: WorkflowContents;
  onClose: () => void;
  onDeleted: () => void;
};

export function ConfirmDeleteDialog({ workflowId, name, contents, onClose, onDeleted }: Props) {
  const t = useTranslations('workflows.lifecycle');
  const dialog = useRef<HTMLDialogElement>(null);
  const [pending, setPending] = useState(false);
  const [blocked, setBlocked] = useState(contents.runsInProgress > 0);
  const [error, setError] = useState<string | null>(null);

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
    setError(errorText(result.error, t('failed')));
  }

  return (
    <Dialog
      dialogRef={dialog}
      title={t('deleteTitle', { name })}
      onClose={onClose}
      busy={pending}
      testId="delete-dialog"
      footer={
        <>
          <Button autoFocus disabled={pending} onClick={onClose}>
            {t('cancel')}
          </Button>
          {blocked ? null : (
            <Button variant="danger" pending={pending} pendingText={t('deleting')} onClick={() => void remove()}>
              {t('confirmDelete')}
            </Button>
          )}
        </>
      }
    >
      <p>{t('deleteAlso')}</p>
      <ul className="list-disc space-y-1 ps-5" data-testid="delete-contents">
        <li>{t('versions', { count: contents.versions })}</li>
        <li>{t('runs', { count: contents.runs })}</li>
        <li>{t('snapshots', { count: contents.snapshots })}</li>
      </ul>
      <p>{t('deleteWarning')}</p>
      {blocked ? (
        <div
          role="alert"
          className="rounded-lg border border-warning/50 bg-warning/10 p-3 text-fg"
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
        <p role="alert" className="text-danger">
          {error}
        </p>
      ) : null}
    </Dialog>
  );
}
